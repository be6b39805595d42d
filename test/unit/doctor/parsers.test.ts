// The Docker doctor's parsers, each on the text the kernel, the account files, the engine and the docker
// CLI really write.
import * as assert from 'node:assert/strict';
import { compareApiVersions, parseClientApiVersion } from '../../../src/doctor/apiVersionCheck';
import { parseEngineTime } from '../../../src/doctor/clockCheck';
import { dockerConfigFile, parseCredentialHelpers } from '../../../src/doctor/credentialHelperCheck';
import { dockerdHosts } from '../../../src/doctor/daemonCheck';
import { freeSpaceSeverity, mebibytes } from '../../../src/doctor/diskCheck';
import { isMemberByDatabase, parseEtcGroup, parseEtcPasswd } from '../../../src/doctor/etcGroup';
import { warningText, warningTopic } from '../../../src/doctor/engineWarnings';
import { parseProcStatus } from '../../../src/doctor/procStatus';
import { parseDaemonJson } from '../../../src/doctor/registryCheck';
import { parseSelinuxMode } from '../../../src/doctor/selinuxCheck';
import { modeString } from '../../../src/doctor/socketCheck';
import { parseSysctlFlag, sysctlPath } from '../../../src/doctor/sysctl';
import { mapInfoFacts } from '../../../src/engine/engineFacts';
import { mapDiskUsage } from '../../../src/engine/system';

describe('doctor parsers', () => {
  it('reads sysctl flags as the kernel writes them', () => {
    assert.equal(parseSysctlFlag('1\n'), true);
    assert.equal(parseSysctlFlag('0\n'), false);
    assert.equal(parseSysctlFlag(undefined), undefined, 'a missing file (br_netfilter not loaded)');
    assert.equal(parseSysctlFlag('2'), undefined);
    assert.equal(sysctlPath('/proc', 'net.ipv4.ip_forward'), '/proc/sys/net/ipv4/ip_forward');
    assert.equal(sysctlPath('/tmp/p', 'net.bridge.bridge-nf-call-iptables'), '/tmp/p/sys/net/bridge/bridge-nf-call-iptables');
  });

  it('reads the ids and supplementary groups of /proc/self/status', () => {
    const status = 'Name:\tnode\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nFDSize:\t64\nGroups:\t4 24 27 1000 \nNStgid:\t1\n';
    assert.deepEqual(parseProcStatus(status), { uid: 1000, gid: 1000, groups: [4, 24, 27, 1000] });
    assert.deepEqual(parseProcStatus('Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nGroups:\t\n'), { uid: 0, gid: 0, groups: [] });
    assert.equal(parseProcStatus('Name: x\n'), undefined);
  });

  it('reads /etc/group and /etc/passwd, and membership by the account database', () => {
    const groups = parseEtcGroup('root:x:0:\n# comment\nsudo:x:27:ana\ndocker:x:998:bob, ana\n+nisgroup\nbroken:x:notanumber:\n');
    assert.deepEqual(groups, [
      { name: 'root', gid: 0, members: [] },
      { name: 'sudo', gid: 27, members: ['ana'] },
      { name: 'docker', gid: 998, members: ['bob', 'ana'] },
    ]);
    const users = parseEtcPasswd('root:x:0:0:root:/root:/bin/bash\nana:x:1000:1000:Ana,,,:/home/ana:/bin/bash\ncarl:x:1001:998::/home/carl:/bin/sh\nshort:x:1\n');
    assert.deepEqual(users.map((u) => u.name), ['root', 'ana', 'carl']);
    const docker = groups[2]!;
    assert.equal(isMemberByDatabase(docker, users[1]), true, 'listed as a member');
    assert.equal(isMemberByDatabase(docker, users[2]), true, 'primary group');
    assert.equal(isMemberByDatabase(docker, users[0]), false);
    assert.equal(isMemberByDatabase(docker, undefined), false);
  });

  it('writes a socket mode like ls -l', () => {
    assert.equal(modeString(0o660), '0660 (srw-rw----)');
    assert.equal(modeString(0o600), '0600 (srw-------)');
  });

  it('folds the engine warnings that a check explains, and keeps the others', () => {
    assert.equal(warningTopic('WARNING: IPv4 forwarding is disabled. Networking will not work.'), 'ipForward');
    assert.equal(warningTopic('WARNING: bridge-nf-call-iptables is disabled'), 'bridgeNf');
    assert.equal(warningTopic('WARNING: bridge-nf-call-ip6tables is disabled'), 'bridgeNf');
    assert.equal(warningTopic('WARNING: No memory limit support'), 'memoryLimit');
    assert.equal(warningTopic('WARNING: No swap limit support'), 'swapLimit');
    assert.equal(warningTopic('WARNING: No cpu cfs quota support'), 'cpuLimit');
    assert.equal(warningTopic('WARNING: No cpu shares support'), 'cpuLimit');
    const other = 'WARNING: API is accessible on http://0.0.0.0:2375 without encryption.';
    assert.equal(warningTopic(other), 'other');
    assert.equal(warningText(other), 'API is accessible on http://0.0.0.0:2375 without encryption.');
  });

  it('finds the credential helpers of config.json', () => {
    const { helpers } = parseCredentialHelpers(JSON.stringify({ auths: {}, credsStore: 'desktop', credHelpers: { 'gcr.example': 'gcloud', 'ecr.example': 'ecr-login', 'other.example': 'gcloud' } }));
    assert.deepEqual([...helpers.entries()], [['desktop', ['*']], ['gcloud', ['gcr.example', 'other.example']], ['ecr-login', ['ecr.example']]]);
    assert.equal(parseCredentialHelpers('{"auths":{}}').helpers.size, 0);
    assert.equal(parseCredentialHelpers('{"credsStore": ""}').helpers.size, 0);
    assert.match(parseCredentialHelpers('{oops').parseError ?? '', /JSON/);
    assert.equal(dockerConfigFile({ DOCKER_CONFIG: '/cfg' }, '/home/ana'), '/cfg/config.json');
    assert.equal(dockerConfigFile({}, '/home/ana'), '/home/ana/.docker/config.json');
  });

  it('reads daemon.json mirrors and insecure registries', () => {
    assert.deepEqual(parseDaemonJson('{"registry-mirrors": ["https://m.example"], "insecure-registries": ["10.0.0.5:5000"], "debug": true}'), { mirrors: ['https://m.example'], insecure: ['10.0.0.5:5000'] });
    assert.ok(parseDaemonJson('{"registry-mirrors": [https://m.example]}').parseError);
  });

  it("reads dockerd's listening addresses from its argv", () => {
    assert.deepEqual(dockerdHosts(['dockerd']), ['unix:///var/run/docker.sock']);
    assert.deepEqual(dockerdHosts(['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock']), ['unix:///var/run/docker.sock']);
    assert.deepEqual(dockerdHosts(['dockerd', '--data-root', '/d', '-H', 'unix:///tmp/x.sock', '--host=tcp://127.0.0.1:2375', '-Hunix:///tmp/y.sock']), ['unix:///tmp/x.sock', 'tcp://127.0.0.1:2375', 'unix:///tmp/y.sock']);
  });

  it('reads the SELinux mode from selinuxfs, else from getenforce', () => {
    assert.equal(parseSelinuxMode('1', undefined), 'enforcing');
    assert.equal(parseSelinuxMode('0\n', undefined), 'permissive');
    assert.equal(parseSelinuxMode(undefined, 'Enforcing\n'), 'enforcing');
    assert.equal(parseSelinuxMode(undefined, 'Disabled\n'), 'disabled');
    assert.equal(parseSelinuxMode(undefined, undefined), 'disabled');
  });

  it("reads the engine's clock with nanoseconds, and API versions", () => {
    assert.equal(parseEngineTime('2026-12-02T04:54:42.433682845Z'), Date.UTC(2026, 11, 2, 4, 54, 42, 433));
    assert.equal(parseEngineTime('2026-12-02T06:54:42.5+02:00'), Date.UTC(2026, 11, 2, 4, 54, 42, 500));
    assert.equal(parseEngineTime('nonsense'), undefined);
    assert.ok(compareApiVersions('1.41', '1.9') > 0);
    assert.equal(compareApiVersions('1.41', '1.41'), 0);
    assert.ok(compareApiVersions('1.24', '1.41') < 0);
    assert.equal(parseClientApiVersion('{"Platform":{"Name":""},"Version":"28.0.1","ApiVersion":"1.48","Os":"linux"}\n'), '1.48');
    assert.equal(parseClientApiVersion('Cannot connect to the Docker daemon'), undefined);
  });

  it('judges free space by share, and on big disks by bytes', () => {
    const GiB = 1024 ** 3;
    assert.equal(freeSpaceSeverity(100 * GiB, 50 * GiB), 'ok');
    assert.equal(freeSpaceSeverity(100 * GiB, 8 * GiB), 'warning');
    assert.equal(freeSpaceSeverity(100 * GiB, 4 * GiB), 'error');
    assert.equal(freeSpaceSeverity(500 * GiB, 1.5 * GiB), 'error');
    assert.equal(freeSpaceSeverity(64 * 1024 ** 2, 40 * 1024 ** 2), 'ok', 'a small tmpfs half empty is fine');
    assert.equal(mebibytes(3 * 1024 ** 2 + 512 * 1024), '3.5');
  });

  it('maps /info to the facts the checks read', () => {
    const facts = mapInfoFacts({
      ServerVersion: '20.10.24', Warnings: ['WARNING: IPv4 forwarding is disabled. Networking will not work.'], DockerRootDir: '/var/lib/docker', Driver: 'overlay2',
      CgroupVersion: '2', CgroupDriver: 'systemd', MemoryLimit: true, SwapLimit: false, CpuCfsQuota: true, CPUShares: true, IPv4Forwarding: false,
      RegistryConfig: { Mirrors: ['https://m.example/'], InsecureRegistryCIDRs: ['127.0.0.0/8'], IndexConfigs: { 'docker.io': { Secure: true }, 'reg.lan:5000': { Secure: false } } },
      SystemTime: '2026-12-02T04:54:42.433682845Z', SecurityOptions: ['name=seccomp,profile=default', 'name=rootless'],
    }, 5);
    assert.equal(facts.ipv4Forwarding, false);
    assert.equal(facts.swapLimit, false);
    assert.deepEqual(facts.insecureRegistries, ['127.0.0.0/8', 'reg.lan:5000']);
    assert.deepEqual(facts.registryMirrors, ['https://m.example/']);
    assert.equal(facts.rootless, true);
    assert.equal(facts.bridgeNfIptables, undefined, 'absent, not false');
    assert.equal(mapInfoFacts({}, 0).memoryLimit, true, 'a missing field is not a missing feature');
  });

  it('sums what prune would reclaim from /system/df like docker system df', () => {
    const usage = mapDiskUsage({
      LayersSize: 1000,
      Images: [{ Containers: 1, Size: 600, SharedSize: 100 }, { Containers: 0, Size: 400, SharedSize: 0 }],
      Containers: [{ SizeRw: 50, State: 'exited' }, { SizeRw: 70, State: 'running' }],
      Volumes: [{ UsageData: { Size: 30, RefCount: 0 } }, { UsageData: { Size: 20, RefCount: 1 } }],
      BuildCache: [{ ID: 'a', Size: 11, InUse: false, Shared: false }, { ID: 'b', Size: 5, InUse: true, Shared: false }],
    });
    assert.deepEqual([usage.images.reclaimable, usage.containers.reclaimable, usage.volumes.reclaimable, usage.buildCache.reclaimable], [500, 50, 30, 11]);
  });
});
