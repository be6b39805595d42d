// Is dockerd installed and running on this machine, and on which socket does it listen? Read from PATH,
// /proc/<pid>/comm and cmdline, and the pid file; a stopped engine can be started by Dockside only through
// systemd without a password prompt (see engineStart in the UI), else the user gets the command.
import * as path from 'node:path';
import { finding, type Finding } from './finding';
import { DEFAULT_SOCKET, unixSocketOf, type DoctorInput } from './doctorInput';
import type { HostAccess } from './hostAccess';

const SBIN_DIRS = ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/sbin', '/bin'];

export interface RunningDaemon {
  readonly pid: number;
  /** unix:///… hosts it listens on (fd:// counts as the default socket, systemd hands it over). */
  readonly hosts: readonly string[];
}

/** dockerd's listening addresses from its argv: -H x, -Hx, --host x, --host=x; none means the default socket. */
export function dockerdHosts(argv: readonly string[]): string[] {
  const hosts: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = /^(?:-H|--host=)(.+)$/.exec(arg);
    if (inline) hosts.push(inline[1]!.replace(/^=/, ''));
    else if ((arg === '-H' || arg === '--host') && argv[i + 1]) hosts.push(argv[++i]!);
  }
  const normal = hosts.map((h) => (h.startsWith('fd://') ? `unix://${DEFAULT_SOCKET}` : h));
  return normal.length ? normal : [`unix://${DEFAULT_SOCKET}`];
}

export async function runningDaemons(host: HostAccess): Promise<RunningDaemon[]> {
  const daemons: RunningDaemon[] = [];
  for (const pid of await host.pids()) {
    const comm = (await host.readFile(path.join(host.roots.proc, String(pid), 'comm')))?.trim();
    if (comm !== 'dockerd') continue;
    const cmdline = (await host.readFile(path.join(host.roots.proc, String(pid), 'cmdline'))) ?? '';
    daemons.push({ pid, hosts: dockerdHosts(cmdline.split('\0').filter(Boolean)) });
  }
  return daemons;
}

/** /run/systemd/system exists only while systemd is the init system (sd_booted's own test). */
export async function systemdRuns(host: HostAccess): Promise<boolean> {
  return !!(await host.stat(path.join(host.roots.run, 'systemd', 'system')));
}

export async function daemonFindings(input: DoctorInput): Promise<Finding[]> {
  const socket = unixSocketOf(input.endpoint?.host);
  if (input.engine.kind === 'answered' || !socket) return [];
  const { host } = input;
  const dockerd = await host.which('dockerd', SBIN_DIRS);
  if (!dockerd) return [finding('dockerdMissing', 'error', {}, { command: await installCommand(host) })];
  const daemons = await runningDaemons(host);
  const wanted = `unix://${socket}`;
  if (daemons.some((d) => d.hosts.some((h) => path.normalize(h.replace(/^unix:\/\//, '')) === path.normalize(socket)))) return [];
  const findings: Finding[] = [];
  const pidFile = path.join(host.roots.run, 'docker.pid');
  const pidText = (await host.readFile(pidFile))?.trim();
  if (pidText && /^\d+$/.test(pidText) && !daemons.some((d) => d.pid === Number(pidText)) && socket === DEFAULT_SOCKET) {
    findings.push(finding('stalePidFile', 'warning', { pidFile, pid: pidText }, { command: `sudo rm ${pidFile}` }));
  }
  if (daemons.length) {
    findings.push(finding('dockerdListensElsewhere', 'error', { socket: wanted, elsewhere: [...new Set(daemons.flatMap((d) => d.hosts))].join(', ') }, { command: 'ps -o pid,args -C dockerd' }));
  } else {
    const systemd = await systemdRuns(host);
    findings.push(
      finding('dockerdNotRunning', 'error', { dockerd, socket: wanted, systemd: String(systemd) }, {
        command: systemd ? 'sudo systemctl start docker' : `sudo sh -c 'dockerd > /var/log/dockerd.log 2>&1 &'`,
        fix: systemd && socket === DEFAULT_SOCKET ? 'startEngine' : undefined,
      }),
    );
  }
  return findings;
}

/** The distribution's own package, from /etc/os-release: nothing fetched from outside the package manager. */
async function installCommand(host: HostAccess): Promise<string | undefined> {
  const osRelease = (await host.readFile(path.join(host.roots.etc, 'os-release'))) ?? '';
  const ids = (osRelease.match(/^ID(?:_LIKE)?=(.*)$/gm) ?? []).join(' ').replace(/"/g, '');
  if (/debian|ubuntu/.test(ids)) return 'sudo apt-get install -y docker.io';
  if (/fedora|rhel|centos/.test(ids)) return 'sudo dnf install -y moby-engine';
  if (/arch/.test(ids)) return 'sudo pacman -S docker';
  if (/suse/.test(ids)) return 'sudo zypper install docker';
  return undefined;
}
