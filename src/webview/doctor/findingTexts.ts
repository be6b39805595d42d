// The doctor's findings in words, in the display language: what it means, why it matters, and the fix in
// plain words (the command to copy comes with the finding). Checks that passed get a title only.
import * as vscode from 'vscode';
import type { Finding } from '../../doctor/index';

export interface FindingWords {
  readonly title: string;
  readonly meaning?: string;
  readonly why?: string;
  readonly fix?: string;
}


export function describeFinding(f: Finding): FindingWords {
  const x = f.facts;
  switch (f.id) {
    case 'engineAnswers':
      return { title: vscode.l10n.t('The engine answers at {0}: Docker {1}, API {2}, {3}.', x.host ?? '', x.version ?? '', x.api ?? '', x.os ?? '') };
    case 'engineUnreachable':
      return {
        title: vscode.l10n.t('No Docker engine answers at {0}.', x.host ?? ''),
        meaning: vscode.l10n.t('Dockside asked the engine for its version and got: {0}', x.message ?? ''),
        why: vscode.l10n.t('Without an engine nothing can be listed, built or run. The findings below say where it stops.'),
        fix: vscode.l10n.t('Work through the errors below from the top; then press Run Again.'),
      };
    case 'socketChoice':
      return { title: vscode.l10n.t('Dockside uses {0}, chosen by {1}.', x.host ?? '', sourceWords(x.source ?? '', x.context ?? '')), meaning: vscode.l10n.t('The docker CLI picks its engine the same way: the setting, then DOCKER_HOST, then the current context, then the default socket.') };
    case 'dockerHostElsewhere':
      return {
        title: vscode.l10n.t('DOCKER_HOST points to {0}.', x.dockerHost ?? ''),
        meaning: x.defaultAnswers === 'true' ? vscode.l10n.t('An engine answers at the default socket {0}, but DOCKER_HOST sends every client elsewhere.', x.defaultSocket ?? '') : vscode.l10n.t('DOCKER_HOST overrides the default socket {0} for every client started from this environment.', x.defaultSocket ?? ''),
        why: vscode.l10n.t('A DOCKER_HOST left over from another setup (a VM, a remote machine, Docker Desktop) makes the engine look down.'),
        fix: vscode.l10n.t('Remove DOCKER_HOST from your shell profile (or from the environment VS Code was started in), then restart VS Code.'),
      };
    case 'dockerdMissing':
      return {
        title: vscode.l10n.t('The Docker engine (dockerd) is not installed on this machine.'),
        why: vscode.l10n.t('The docker command is only a client: containers run in the engine.'),
        fix: vscode.l10n.t('Install the Docker engine with your distribution\'s package manager, then start it.'),
      };
    case 'dockerdNotRunning':
      return {
        title: vscode.l10n.t('dockerd is installed ({0}) but not running.', x.dockerd ?? ''),
        meaning: vscode.l10n.t('No dockerd process runs on this machine, so nothing listens on {0}.', x.socket ?? ''),
        why: vscode.l10n.t('The engine must run for anything to work; it may have crashed, or was never enabled at boot.'),
        fix: x.systemd === 'true' ? vscode.l10n.t('Start the docker service (and enable it at boot with systemctl enable docker). If it stops again, its logs say why.') : vscode.l10n.t('This machine has no systemd: start dockerd yourself as root, in the background, and keep its log.'),
      };
    case 'stalePidFile':
      return {
        title: vscode.l10n.t('{0} names process {1}, which no longer runs.', x.pidFile ?? '', x.pid ?? ''),
        why: vscode.l10n.t('dockerd refuses to start while a pid file names another process ("pid file found, ensure docker is not running").'),
        fix: vscode.l10n.t('Remove the stale pid file, then start the engine.'),
      };
    case 'dockerdListensElsewhere':
      return {
        title: vscode.l10n.t('dockerd runs, but not on {0}.', x.socket ?? ''),
        meaning: vscode.l10n.t('The running engines listen on: {0}.', x.elsewhere ?? ''),
        why: vscode.l10n.t('Dockside and the CLI reach only the address they are given.'),
        fix: vscode.l10n.t('Point Dockside at one of those addresses (dockside.engine.host or a docker context), or start the engine that should serve this socket.'),
      };
    case 'socketMissing':
      return {
        title: vscode.l10n.t('The socket {0} does not exist.', x.socket ?? ''),
        meaning: vscode.l10n.t('dockerd creates it when it starts and removes it when it stops.'),
        why: vscode.l10n.t('No socket, no engine: it is stopped, or listens somewhere else.'),
        fix: vscode.l10n.t('Start the engine, or choose the address it really listens on.'),
      };
    case 'socketRefused':
      return {
        title: vscode.l10n.t('{0} exists, but nothing accepts connections on it.', x.socket ?? ''),
        meaning: vscode.l10n.t('The socket file was left behind by an engine that is gone (it crashed or was killed).'),
        fix: vscode.l10n.t('Start the engine again; if it will not start because the address is in use, remove the stale socket first.'),
      };
    case 'socketPermission':
      return {
        title: vscode.l10n.t('Permission denied on {0}: owned by {1}, group {2}, mode {3}.', x.socket ?? '', x.owner ?? '', x.group ?? '', x.mode ?? ''),
        meaning: x.groupUseless === 'true' ? vscode.l10n.t('Only its owner may open it: joining a group would not help.') : vscode.l10n.t('You ({0}) are neither its owner nor in its group, so connect() is refused.', x.user ?? ''),
        why: vscode.l10n.t('Whoever may open the engine socket controls the engine, which is root on this machine: that is why it is closed by default.'),
        fix: x.groupUseless === 'true' ? vscode.l10n.t('Let the engine create its socket for the docker group (dockerd -G docker, the default), or fix its group and mode.') : vscode.l10n.t('Join the socket\'s group (see below) or use rootless Docker.'),
      };
    case 'notInDockerGroup':
      return {
        title: vscode.l10n.t('{0} is not in the {1} group.', x.user ?? '', x.group ?? ''),
        why: vscode.l10n.t('Members of the {0} group may use the engine without sudo (and are as powerful as root).', x.group ?? ''),
        fix: vscode.l10n.t('Add yourself to the group, then log out and in again (or restart the machine) so the new group applies.'),
      };
    case 'dockerGroupNotActive':
      return {
        title: vscode.l10n.t('{0} was added to the {1} group, but this session does not have it yet.', x.user ?? '', x.group ?? ''),
        meaning: vscode.l10n.t('/etc/group lists you, but the groups of this VS Code process were fixed when you logged in.'),
        fix: vscode.l10n.t('Log out and in again (or restart the machine), then start VS Code again. In one terminal, newgrp gives a shell with the group right away.'),
      };
    case 'apiVersion':
      return f.severity === 'ok'
        ? { title: vscode.l10n.t('Engine API {0} (oldest accepted {1}); the docker CLI speaks API {2} and negotiates down.', x.engine ?? '', x.minimum || '?', x.client || '?') }
        : {
            title: vscode.l10n.t('The docker CLI speaks API {0}, older than the engine accepts ({1}).', x.client ?? '', x.minimum ?? ''),
            why: vscode.l10n.t('Every docker command fails with "client version is too old".'),
            fix: vscode.l10n.t('Upgrade the docker CLI to match the engine.'),
          };
    case 'apiVersionPinned':
      return {
        title: vscode.l10n.t('DOCKER_API_VERSION={0} is newer than the engine\'s API {1}.', x.pinned ?? '', x.engine ?? ''),
        why: vscode.l10n.t('A pinned client version turns off negotiation: the engine answers "client version is too new".'),
        fix: vscode.l10n.t('Unset DOCKER_API_VERSION (in your shell profile too), or set it to the engine\'s version.'),
      };
    case 'ipForwardOff':
      return f.severity === 'ok'
        ? { title: vscode.l10n.t('IPv4 forwarding is on (net.ipv4.ip_forward = 1).') }
        : {
            title: x.seenBy === 'engine' ? vscode.l10n.t('The engine says: IPv4 forwarding is disabled. Networking will not work.') : vscode.l10n.t('IPv4 forwarding is off on this machine (net.ipv4.ip_forward = 0).'),
            meaning: vscode.l10n.t('The kernel does not pass packets between the containers\' bridge and the host\'s network.'),
            why: vscode.l10n.t('Containers cannot reach the network and published ports do not answer.'),
            fix: vscode.l10n.t('Turn on net.ipv4.ip_forward now and in /etc/sysctl.d so it survives a reboot; then restart the containers.'),
          };
    case 'bridgeNfOff':
      return f.severity === 'ok'
        ? { title: vscode.l10n.t('Bridged traffic passes through iptables (bridge-nf-call-iptables = 1).') }
        : {
            title: x.moduleLoaded === 'true' ? vscode.l10n.t('bridge-nf-call-iptables is off.') : vscode.l10n.t('The br_netfilter module is not loaded (no bridge-nf-call-iptables).'),
            meaning: vscode.l10n.t('Traffic between containers on one bridge skips iptables.'),
            why: vscode.l10n.t('Port publishing from one container to another on the same host and network isolation rules may not work.'),
            fix: vscode.l10n.t('Load br_netfilter and turn the switches on (add br_netfilter to /etc/modules-load.d to keep it).'),
          };
    case 'selinuxEnforcing':
      return f.severity === 'ok'
        ? { title: vscode.l10n.t('SELinux is {0}: bind mounts need no relabelling.', x.mode === 'permissive' ? vscode.l10n.t('permissive') : vscode.l10n.t('disabled')) }
        : {
            title: vscode.l10n.t('SELinux is enforcing.'),
            meaning: x.engineLabels === 'true' ? vscode.l10n.t('The engine labels containers (selinux-enabled), so a container may only read host files labelled for it.') : vscode.l10n.t('Containers may be refused access to host folders that are not labelled for them.'),
            why: vscode.l10n.t('A bind mount then fails with "Permission denied" even for root in the container, and chown on it is refused.'),
            fix: vscode.l10n.t('Add :z to a bind mount shared by several containers (-v "$PWD":/data:z), :Z for one container only; never on /home or /usr themselves. Or label the folder once.'),
          };
    case 'diskLow':
    case 'diskSpace':
      return f.severity === 'ok'
        ? { title: vscode.l10n.t('{0} MiB free of {1} MiB ({2}%) on the data root {3} ({4}).', x.freeMiB ?? '', x.totalMiB ?? '', x.percentFree ?? '', x.root ?? '', x.driver ?? '') }
        : {
            title: vscode.l10n.t('Only {0} MiB free of {1} MiB ({2}%) on the engine\'s data root {3}.', x.freeMiB ?? '', x.totalMiB ?? '', x.percentFree ?? '', x.root ?? ''),
            meaning: vscode.l10n.t('Images, containers, volumes and build cache ({0} storage driver) live there.', x.driver ?? ''),
            why: vscode.l10n.t('When it fills up, pulls, builds and even container starts fail with "no space left on device".'),
            fix: !x.reclaimableMiB ? vscode.l10n.t('A prune gives back what stopped containers, unused images, networks, volumes and build cache hold: Dockside asks before each kind goes.') : Number(x.reclaimableMiB) > 0 ? vscode.l10n.t('A prune would give back about {0} MiB (stopped containers, unused images, networks, volumes, build cache): Dockside asks before each kind goes.', x.reclaimableMiB ?? '') : vscode.l10n.t('Nothing is left to prune: free space on that filesystem or move the data root (data-root in daemon.json).'),
          };
    case 'storageDriver':
      return {
        title: vscode.l10n.t('The engine uses the {0} storage driver.', x.driver ?? ''),
        why: x.driver === 'vfs' ? vscode.l10n.t('vfs copies every layer whole: slow and several times the disk space.') : vscode.l10n.t('This driver is deprecated and removed from current engines.'),
        fix: vscode.l10n.t('Switch to overlay2 ("storage-driver": "overlay2" in /etc/docker/daemon.json; existing images must be pulled or built again).'),
      };
    case 'cgroupVersion':
      return { title: vscode.l10n.t('cgroup version {0}, driver {1}.', x.version ?? '', x.driver ?? ''), meaning: x.version === '1' ? vscode.l10n.t('cgroup v1 works; current distributions use v2, which rootless Docker needs for limits.') : undefined };
    case 'memoryLimitUnsupported':
      return {
        title: x.memory === 'false' ? vscode.l10n.t('Memory limits are not enforced on this engine.') : vscode.l10n.t('Swap limits are not enforced on this engine.'),
        meaning: vscode.l10n.t('The kernel runs without the memory cgroup controller (or swap accounting).'),
        why: vscode.l10n.t('--memory and --memory-swap are accepted but ignored: one container can take all the memory.'),
        fix: vscode.l10n.t('Turn on the controller on the kernel command line (cgroup_enable=memory swapaccount=1) and reboot.'),
      };
    case 'cpuLimitUnsupported':
      return {
        title: vscode.l10n.t('CPU limits are not enforced on this engine.'),
        why: vscode.l10n.t('--cpus and --cpu-shares are accepted but have no effect.'),
        fix: vscode.l10n.t('Use a kernel with the CPU cgroup controller (CONFIG_CFS_BANDWIDTH); check which controllers are on.'),
      };
    case 'registryMirrors':
      return f.severity === 'ok' ? { title: vscode.l10n.t('No registry mirrors configured: pulls go to each image\'s own registry.') } : { title: vscode.l10n.t('Registry mirrors in use: {0}.', x.mirrors ?? '') };
    case 'mirrorsNotApplied':
      return {
        title: x.parseError ? vscode.l10n.t('{0} does not parse: {1}', x.file ?? '', x.parseError) : vscode.l10n.t('{0} lists mirrors the engine does not use: {1}.', x.file ?? '', x.missing ?? ''),
        why: vscode.l10n.t('The engine reads daemon.json only when it starts; a broken file stops it from starting at all.'),
        fix: x.parseError ? vscode.l10n.t('Fix the JSON (the command below shows where it breaks), then restart the engine.') : vscode.l10n.t('Restart the engine to apply the file.'),
      };
    case 'insecureRegistries':
      return {
        title: vscode.l10n.t('Insecure registries allowed: {0}.', x.registries ?? ''),
        why: vscode.l10n.t('Images and credentials travel to them without verified TLS: anyone on the network path can change them.'),
        fix: vscode.l10n.t('Give those registries a certificate and remove them from insecure-registries.'),
      };
    case 'credentialHelperMissing':
      return f.severity === 'ok'
        ? { title: vscode.l10n.t('Credential helpers found on PATH: {0}.', x.helpers ?? '') }
        : {
            title: vscode.l10n.t('{0} is named in {1} ({2}) but is not on PATH.', x.program ?? '', x.file ?? '', x.key ?? ''),
            why: vscode.l10n.t('Every login, pull and push that needs credentials fails with "executable file not found".'),
            fix: vscode.l10n.t('Install the helper, or remove "{0}" from the file (common after leaving Docker Desktop).', x.key ?? ''),
          };
    case 'clockSkew':
      return f.severity === 'ok'
        ? { title: vscode.l10n.t('The engine\'s clock agrees with this machine\'s.') }
        : {
            title: x.direction === 'ahead' ? vscode.l10n.t('The engine\'s clock is {0} s ahead of this machine\'s.', x.seconds ?? '') : vscode.l10n.t('The engine\'s clock is {0} s behind this machine\'s.', x.seconds ?? ''),
            why: vscode.l10n.t('Registries and TLS reject tokens and certificates that look expired or not yet valid; log times look wrong.'),
            fix: vscode.l10n.t('Turn on time synchronisation (NTP) on the machine whose clock is wrong.'),
          };
    case 'engineWarning':
      return { title: vscode.l10n.t('The engine warns: {0}', x.text ?? ''), why: vscode.l10n.t('The engine prints this in docker info; it usually means a feature does not work as asked.') };
  }
}

function sourceWords(source: string, context: string): string {
  switch (source) {
    case 'setting': return vscode.l10n.t('the dockside.engine.host setting');
    case 'settingContext': return vscode.l10n.t('the dockside.engine.context setting');
    case 'DOCKER_HOST': return 'DOCKER_HOST';
    case 'DOCKER_CONTEXT': return `DOCKER_CONTEXT (${context})`;
    case 'currentContext': return vscode.l10n.t('the current docker context ({0})', context);
    case 'workspace': return vscode.l10n.t('your choice for this workspace (Engines view)');
    default: return vscode.l10n.t('the default socket');
  }
}

export function severityWord(severity: Finding['severity']): string {
  switch (severity) {
    case 'error': return vscode.l10n.t('Error');
    case 'warning': return vscode.l10n.t('Warning');
    case 'info': return vscode.l10n.t('Information');
    case 'ok': return vscode.l10n.t('Passed');
  }
}
