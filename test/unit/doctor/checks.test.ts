// The doctor's checks over a described machine: each fault gives its finding, with the command to copy and
// the fix Dockside may run; what passes says so. Real faults are in doctorFaults.live.test.ts.
import * as assert from 'node:assert/strict';
import type { DoctorInput } from '../../../src/doctor/doctorInput';
import { readEngineLog } from '../../../src/doctor/engineLogs';
import { startEngineWithSystemd } from '../../../src/doctor/engineStart';
import type { Finding } from '../../../src/doctor/finding';
import { runDoctor } from '../../../src/doctor/runDoctor';
import type { EngineFacts } from '../../../src/models/engineFacts';
import { fakeHost, type FakeHost } from './fakeHost';

const SOCKET = '/var/run/docker.sock';
const down = { kind: 'failed', code: 'unreachable', message: 'connect ENOENT' } as const;
const ACCOUNTS = {
  '/etc/group': 'root:x:0:\ndocker:x:998:ana\nana:x:1000:\n',
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nana:x:1000:1000:Ana:/home/ana:/bin/bash\n',
};

function facts(overrides: Partial<EngineFacts> = {}): EngineFacts {
  return {
    serverVersion: '20.10.24', apiVersion: '1.41', minApiVersion: '1.12', operatingSystem: 'Debian', warnings: [], dockerRootDir: '/var/lib/docker', storageDriver: 'overlay2',
    cgroupVersion: '2', cgroupDriver: 'systemd', memoryLimit: true, swapLimit: true, cpuCfsQuota: true, cpuShares: true, ipv4Forwarding: true,
    registryMirrors: [], insecureRegistries: ['127.0.0.0/8'], systemTime: new Date(1_000).toISOString(), observedAt: 1_000, securityOptions: [], rootless: false,
    ...overrides,
  };
}

async function findings(host: FakeHost, engine: DoctorInput['engine'] = down, endpoint = { host: `unix://${SOCKET}`, source: 'default' }): Promise<Finding[]> {
  return [...(await runDoctor({ endpoint, engine, host: fakeHost(host) })).findings];
}

const byId = (list: Finding[], id: string) => list.filter((f) => f.id === id);
const one = (list: Finding[], id: string) => {
  const found = byId(list, id);
  assert.equal(found.length, 1, `${id} in ${list.map((f) => f.id).join(', ')}`);
  return found[0]!;
};

describe('doctor checks', () => {
  it('a user missing from the docker group is told to join it', async () => {
    const list = await findings({
      files: { ...ACCOUNTS, '/etc/group': 'docker:x:998:\n', '/proc/self/status': 'Uid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nGroups:\t1000\n' },
      stats: { [SOCKET]: { mode: 0o660, uid: 0, gid: 998, isSocket: true } },
      sockets: { [SOCKET]: 'EACCES' },
      programs: { dockerd: '/usr/sbin/dockerd' },
      env: { USER: 'ana' },
    });
    const denied = one(list, 'socketPermission');
    assert.equal(denied.severity, 'error');
    assert.deepEqual({ owner: denied.facts.owner, group: denied.facts.group, mode: denied.facts.mode }, { owner: 'root', group: 'docker', mode: '0660 (srw-rw----)' });
    assert.equal(one(list, 'notInDockerGroup').command, 'sudo usermod -aG docker ana');
    assert.equal(byId(list, 'dockerGroupNotActive').length, 0);
  });

  it('a user added to the group who has not logged in again is told to', async () => {
    const list = await findings({
      files: { ...ACCOUNTS, '/proc/self/status': 'Uid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nGroups:\t1000\n' },
      stats: { [SOCKET]: { mode: 0o660, uid: 0, gid: 998, isSocket: true } },
      sockets: { [SOCKET]: 'EACCES' },
    });
    assert.equal(one(list, 'dockerGroupNotActive').command, 'newgrp docker');
    assert.equal(byId(list, 'notInDockerGroup').length, 0);
  });

  it('a socket only its owner may open says joining a group would not help', async () => {
    const list = await findings({
      files: { ...ACCOUNTS, '/proc/self/status': 'Uid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nGroups:\t998\n' },
      stats: { [SOCKET]: { mode: 0o600, uid: 0, gid: 998, isSocket: true } },
      sockets: { [SOCKET]: 'EACCES' },
    });
    assert.equal(one(list, 'socketPermission').facts.groupUseless, 'true');
    assert.equal(byId(list, 'notInDockerGroup').length + byId(list, 'dockerGroupNotActive').length, 0);
  });

  it('a stopped engine: not running, a stale pid file, and how to start it (by Dockside only under systemd)', async () => {
    const withoutSystemd = await findings({ files: { '/var/run/docker.pid': '4242\n' }, programs: { dockerd: '/usr/sbin/dockerd' } });
    assert.equal(one(withoutSystemd, 'stalePidFile').command, 'sudo rm /var/run/docker.pid');
    const stopped = one(withoutSystemd, 'dockerdNotRunning');
    assert.equal(stopped.fix, undefined);
    assert.match(stopped.command ?? '', /dockerd/);
    one(withoutSystemd, 'socketMissing');
    const withSystemd = await findings({ programs: { dockerd: '/usr/sbin/dockerd' }, stats: { '/var/run/systemd/system': { mode: 0o755, uid: 0, gid: 0, isSocket: false } } });
    const startable = one(withSystemd, 'dockerdNotRunning');
    assert.equal(startable.fix, 'startEngine');
    assert.equal(startable.command, 'sudo systemctl start docker');
  });

  it('a dockerd listening on another socket, and a socket left by a dead engine', async () => {
    const list = await findings({
      files: { '/proc/77/comm': 'dockerd\n', '/proc/77/cmdline': 'dockerd\0-H\0unix:///tmp/other.sock\0' },
      programs: { dockerd: '/usr/sbin/dockerd' },
      stats: { [SOCKET]: { mode: 0o660, uid: 0, gid: 998, isSocket: true } },
      sockets: { [SOCKET]: 'ECONNREFUSED' },
    });
    assert.equal(one(list, 'dockerdListensElsewhere').facts.elsewhere, 'unix:///tmp/other.sock');
    one(list, 'socketRefused');
  });

  it('no dockerd at all: the distribution package to install', async () => {
    const list = await findings({ files: { '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n' } });
    assert.equal(one(list, 'dockerdMissing').command, 'sudo apt-get install -y docker.io');
  });

  it('DOCKER_HOST pointing away from an answering default socket', async () => {
    const list = await findings({ env: { DOCKER_HOST: 'tcp://10.0.0.9:2375' }, sockets: { [SOCKET]: 'ok' } }, down, { host: 'tcp://10.0.0.9:2375', source: 'DOCKER_HOST' });
    const elsewhere = one(list, 'dockerHostElsewhere');
    assert.equal(elsewhere.facts.defaultAnswers, 'true');
    assert.equal(elsewhere.command, 'unset DOCKER_HOST');
    assert.equal(one(list, 'socketChoice').facts.source, 'DOCKER_HOST');
    assert.equal(byId(list, 'dockerdNotRunning').length, 0, 'no host checks for a tcp engine');
  });

  it("the engine's warnings: those a check explains are folded into it, the rest shown as they are", async () => {
    const list = await findings({ files: { '/proc/sys/net/bridge/bridge-nf-call-iptables': '1\n' } }, { kind: 'answered', facts: facts({
      ipv4Forwarding: false,
      memoryLimit: false,
      warnings: ['WARNING: IPv4 forwarding is disabled. Networking will not work.', 'WARNING: No memory limit support', 'WARNING: API is accessible on http://0.0.0.0:2375 without encryption.'],
    }) });
    const forward = one(list, 'ipForwardOff');
    assert.equal(forward.severity, 'error');
    assert.equal(forward.facts.seenBy, 'engine');
    assert.match(forward.command ?? '', /sysctl -w net\.ipv4\.ip_forward=1/);
    assert.equal(one(list, 'memoryLimitUnsupported').facts.memory, 'false');
    assert.deepEqual(byId(list, 'engineWarning').map((f) => f.facts.text), ['API is accessible on http://0.0.0.0:2375 without encryption.']);
    assert.equal(list[0]!.severity, 'error', 'most severe first');
  });

  it('a data root running out of space offers prune when something is reclaimable', async () => {
    const MiB = 1024 ** 2;
    const list = await findings({ statfs: { '/var/lib/docker': { total: 1000 * MiB, available: 30 * MiB } } }, { kind: 'answered', facts: facts({ reclaimable: { images: 100 * MiB, containers: 0, volumes: 0, buildCache: 28 * MiB } }) });
    const low = one(list, 'diskLow');
    assert.equal(low.severity, 'error');
    assert.deepEqual([low.facts.freeMiB, low.facts.percentFree, low.facts.reclaimableMiB, low.fix], ['30.0', '3.0', '128.0', 'prune']);
    const roomy = await findings({ statfs: { '/var/lib/docker': { total: 1000 * MiB, available: 600 * MiB } } }, { kind: 'answered', facts: facts() });
    assert.equal(one(roomy, 'diskSpace').severity, 'ok');
  });

  it('credential helpers missing from PATH, mirrors not applied, insecure registries, clock skew, a pinned API', async () => {
    const list = await findings({
      files: {
        '/home/ana/.docker/config.json': JSON.stringify({ credsStore: 'desktop', credHelpers: { 'reg.example': 'pass' } }),
        '/etc/docker/daemon.json': '{"registry-mirrors": ["https://mirror.example"]}',
      },
      programs: { 'docker-credential-pass': '/usr/bin/docker-credential-pass' },
      env: { DOCKER_API_VERSION: '1.45' },
    }, { kind: 'answered', facts: facts({ insecureRegistries: ['127.0.0.0/8', '10.1.0.0/16'], systemTime: new Date(1_000 + 95_000).toISOString() }) });
    const helper = one(list, 'credentialHelperMissing');
    assert.deepEqual([helper.facts.program, helper.facts.key], ['docker-credential-desktop', 'credsStore']);
    assert.equal(one(list, 'mirrorsNotApplied').facts.missing, 'https://mirror.example');
    assert.equal(one(list, 'insecureRegistries').facts.registries, '10.1.0.0/16');
    assert.deepEqual([one(list, 'clockSkew').severity, one(list, 'clockSkew').facts.seconds, one(list, 'clockSkew').facts.direction], ['warning', '95', 'ahead']);
    assert.equal(one(list, 'apiVersionPinned').command, 'unset DOCKER_API_VERSION');
  });

  it('SELinux enforcing gives the :z/:Z advice', async () => {
    const list = await findings({ files: { '/sys/fs/selinux/enforce': '1' } }, { kind: 'answered', facts: facts({ securityOptions: ['name=selinux'] }) });
    const selinux = one(list, 'selinuxEnforcing');
    assert.deepEqual([selinux.severity, selinux.facts.engineLabels], ['info', 'true']);
  });
});

describe('doctor engine logs and start', () => {
  it('reads the docker unit journal, else the named file, and says when neither can be read', async () => {
    const journal = fakeHost({ commands: { 'journalctl -u docker --no-pager -n 2000 -o short-iso': { code: 0, stdout: '2026-12-02T04:00:00+0000 vm dockerd[12]: API listen on /run/docker.sock\n', stderr: '' } } });
    assert.deepEqual(await readEngineLog(journal), { source: 'journalctl -u docker', text: '2026-12-02T04:00:00+0000 vm dockerd[12]: API listen on /run/docker.sock\n' });
    const unreadable = fakeHost({ commands: { 'journalctl -u docker --no-pager -n 2000 -o short-iso': { code: 0, stdout: '-- No entries --\n', stderr: '' } }, files: { '/var/log/dockerd.log': 'a\nb\n' } });
    assert.equal(await readEngineLog(unreadable), undefined, 'no entries (or not allowed to read them) is no log');
    assert.deepEqual(await readEngineLog(unreadable, '/var/log/dockerd.log'), { source: '/var/log/dockerd.log', text: 'a\nb\n' });
    assert.equal(await readEngineLog(unreadable, '/var/log/missing.log'), undefined);
  });

  it('starts the engine through systemd without a password prompt, and reports a refusal', async () => {
    const refused = fakeHost({ commands: { 'systemctl --no-ask-password start docker': { code: 1, stdout: '', stderr: 'Interactive authentication required.\n' } } });
    assert.deepEqual(await startEngineWithSystemd(refused), { started: false, message: 'Interactive authentication required.' });
    const started = fakeHost({ commands: { 'systemctl --no-ask-password start docker': { code: 0, stdout: '', stderr: '' } } });
    assert.equal((await startEngineWithSystemd(started)).started, true);
    assert.equal((await startEngineWithSystemd(fakeHost({}))).started, false, 'no systemctl');
  });
});
