// The run options model: parsing what users type, validation sentences, and the docker run line.
import * as assert from 'node:assert/strict';
import { dockerRunArguments, dockerRunLine } from '../../../src/run/dockerRunLine';
import { parseDeviceSpec, parseMemory, parsePortSpec, parseRestart, parseVolumeSpec, type PortSpec, type RunOptions } from '../../../src/models/run/runOptions';
import { shellQuote, splitShellWords } from '../../../src/models/run/shellWords';
import { validateRunOptions, type RunProblem } from '../../../src/run/validateRunOptions';

const errorsOf = (o: Partial<RunOptions>, facts = {}): string[] =>
  validateRunOptions({ image: 'nginx:1.27', ...o }, facts).filter((p: RunProblem) => p.severity === 'error').map((p) => `${p.field}: ${p.message}`);

describe('run options: parsing', () => {
  it('reads ports with ip, ranges and protocols', () => {
    assert.deepEqual(parsePortSpec('127.0.0.1:8080:80'), [{ hostIp: '127.0.0.1', hostPort: '8080', containerPort: 80, protocol: 'tcp' }]);
    assert.deepEqual(parsePortSpec('53/udp'), [{ hostIp: '', hostPort: '', containerPort: 53, protocol: 'udp' }]);
    assert.deepEqual(parsePortSpec('[::1]:80:80'), [{ hostIp: '::1', hostPort: '80', containerPort: 80, protocol: 'tcp' }]);
    assert.deepEqual((parsePortSpec('8000-8001:80-81') as PortSpec[]).map((p) => `${p.hostPort}>${p.containerPort}`), ['8000>80', '8001>81']);
    assert.deepEqual(parsePortSpec('8000-8010:80'), [{ hostIp: '', hostPort: '8000-8010', containerPort: 80, protocol: 'tcp' }]);
    assert.deepEqual(parsePortSpec('80:70000'), { error: 'range' });
    assert.deepEqual(parsePortSpec('80/icmp'), { error: 'protocol' });
    assert.deepEqual(parsePortSpec('8000-8002:80-81'), { error: 'rangeMismatch' });
    assert.deepEqual(parsePortSpec('localhost:80:80'), { error: 'syntax' });
  });

  it('reads memory sizes as the docker CLI does', () => {
    assert.equal(parseMemory('4096M'), 4096 * 1024 * 1024);
    assert.equal(parseMemory('2g'), 2 * 1024 ** 3);
    assert.equal(parseMemory('512mb'), 512 * 1024 ** 2);
    assert.equal(parseMemory('1.5G'), 1.5 * 1024 ** 3);
    assert.equal(parseMemory('100'), 100);
    assert.equal(parseMemory('4 GB'), 4 * 1024 ** 3);
    assert.equal(parseMemory('4x'), undefined);
    assert.equal(parseMemory('-1g'), undefined);
  });

  it('reads restart policies, volumes and devices', () => {
    assert.deepEqual(parseRestart('on-failure:3'), { name: 'on-failure', maximumRetryCount: 3 });
    assert.equal(parseRestart('always:3'), undefined);
    assert.equal(parseRestart('sometimes'), undefined);
    assert.deepEqual(parseVolumeSpec('/sys/fs/cgroup:/sys/fs/cgroup:ro'), { source: '/sys/fs/cgroup', target: '/sys/fs/cgroup', options: ['ro'], kind: 'bind' });
    assert.equal((parseVolumeSpec('data:/var/lib/data') as { kind: string }).kind, 'volume');
    assert.deepEqual(parseVolumeSpec('data:/x:rx'), { error: 'option', detail: 'rx' });
    assert.deepEqual(parseVolumeSpec('./rel:/x'), { error: 'source' });
    assert.deepEqual(parseDeviceSpec('/dev/sdb'), { pathOnHost: '/dev/sdb', pathInContainer: '/dev/sdb', permissions: 'rwm' });
    assert.deepEqual(parseDeviceSpec('/dev/sdb:r'), { pathOnHost: '/dev/sdb', pathInContainer: '/dev/sdb', permissions: 'r' });
    assert.deepEqual(parseDeviceSpec('/dev/sdb:/dev/xvdc:rw'), { pathOnHost: '/dev/sdb', pathInContainer: '/dev/xvdc', permissions: 'rw' });
    assert.equal(parseDeviceSpec('sdb'), undefined);
  });
});

describe('run options: validation', () => {
  it('accepts the handbook run line', () => {
    const o: Partial<RunOptions> = {
      network: 'vfnet', ip: '10.176.241.22', restart: 'always', name: 'NAME', capAdd: ['SYS_ADMIN'], tmpfs: ['/run'],
      volumes: ['/sys/fs/cgroup:/sys/fs/cgroup:ro'], mode: 'interactiveDetached', securityOpt: ['seccomp=unconfined'],
      cpus: '2', memory: '4096M', devices: ['/dev/sdb'],
    };
    assert.deepEqual(errorsOf(o, { networks: [{ name: 'vfnet', driver: 'macvlan', subnets: ['10.176.241.0/24'] }], cpus: 4 }), []);
  });

  it('says exactly what is wrong', () => {
    assert.deepEqual(errorsOf({ ports: ['80:80:80'] }), ['ports: Port "80:80:80" is not in the form [ip:][hostPort:]containerPort[/tcp|udp|sctp].']);
    assert.deepEqual(errorsOf({ ports: ['8080:80', '127.0.0.1:8080:81'] }), ['ports: Host port 8080/tcp is published twice.']);
    assert.deepEqual(errorsOf({ ports: ['8080:80', '8080:80/udp'] }), []);
    assert.deepEqual(errorsOf({ ports: ['127.0.0.1:8080:80'] }, { publishedPorts: [{ hostIp: '0.0.0.0', hostPort: '8080', protocol: 'tcp', containerName: 'web' }] }), [
      'ports: Host port 8080/tcp is already published by container web.',
    ]);
    assert.deepEqual(errorsOf({ memory: '4096X' }), ['memory: Memory "4096X" is not a size: use a number with b, k, m or g (for example 4096M or 2g).']);
    assert.deepEqual(errorsOf({ memory: '1m' }), ['memory: Memory "1m" is below the 6 MiB the engine accepts.']);
    assert.deepEqual(errorsOf({ capAdd: ['SYS_ADMN'] }), ['capAdd: "SYS_ADMN" is not a Linux capability (for example SYS_ADMIN, NET_ADMIN, SYS_PTRACE).']);
    assert.deepEqual(errorsOf({ capAdd: ['cap_net_admin'], capDrop: ['NET_ADMIN'] }), ['capDrop: NET_ADMIN is both added and dropped.']);
    assert.deepEqual(errorsOf({ ip: '10.0.0.2' }), [
      'ip: --ip works only on a user-defined network; "bridge" is not one. Create a network with a subnet and choose it.',
    ]);
    assert.deepEqual(errorsOf({ network: 'bridge', ip: '172.17.0.9' }).length, 1);
    assert.deepEqual(errorsOf({ network: 'vfnet', ip: '10.9.0.2' }, { networks: [{ name: 'vfnet', driver: 'bridge', subnets: ['10.176.241.0/24'] }] }), [
      'ip: 10.9.0.2 is outside the subnets of network "vfnet" (10.176.241.0/24).',
    ]);
    assert.deepEqual(errorsOf({ network: 'nope' }, { networks: [] }), ['network: There is no network "nope" on this engine.']);
    assert.deepEqual(errorsOf({ remove: true, restart: 'always' }), ['restart: --rm removes the container when it stops, so it cannot also restart (always). Choose one.']);
    assert.deepEqual(errorsOf({ cpus: '8' }, { cpus: 2 }), ['cpus: --cpus 8 is more than the 2 CPUs the engine has.']);
    assert.deepEqual(errorsOf({ image: '' }), ['image: Choose an image to run.']);
    assert.deepEqual(errorsOf({ command: "echo 'hi" }), ['command: The command has a quote that is never closed.']);
  });

  it('warns about --privileged without blocking', () => {
    const problems = validateRunOptions({ image: 'x', privileged: true });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'warning');
    assert.match(problems[0].message, /removes the isolation/);
  });
});

describe('run options: docker run line', () => {
  it('quotes words the way a POSIX shell reads them back', () => {
    for (const word of ['plain', 'two words', "it's", '$HOME', 'a"b', '', 'ünï', '*', 'x\\y']) {
      assert.deepEqual(splitShellWords(shellQuote(word)), [word]);
    }
    assert.deepEqual(splitShellWords(`sh -c "echo \\"hi\\" \\$X" 'a b'\\ c`), ['sh', '-c', 'echo "hi" $X', 'a b c']);
    assert.equal(splitShellWords('echo "open'), undefined);
  });

  it('writes every option once, in docker CLI flags', () => {
    const line = dockerRunLine({
      image: 'busybox', name: 'web', mode: 'interactiveDetached', remove: false, restart: 'always', ports: ['127.0.0.1:8080:80'], publishAll: true,
      volumes: ['/a b:/data:ro'], tmpfs: ['/run'], env: ['GREETING=hello world'], envFiles: ['.env'], network: 'vfnet', ip: '10.176.241.22',
      hostname: 'h', capAdd: ['sys_admin'], capDrop: ['NET_RAW'], privileged: true, securityOpt: ['seccomp=unconfined'], cpus: '2', memory: '4096M',
      devices: ['/dev/sdb'], entrypoint: '/bin/sh', command: `-c 'echo $HOME'`, workdir: '/w', user: '1000:1000', labels: ['team=core'],
    });
    assert.equal(
      line,
      "docker run -itd --name web --restart always --hostname h --network vfnet --ip 10.176.241.22 -p 127.0.0.1:8080:80 -P -v '/a b:/data:ro' --tmpfs /run " +
        "-e 'GREETING=hello world' --env-file .env --cap-add CAP_SYS_ADMIN --cap-drop CAP_NET_RAW --privileged --security-opt seccomp=unconfined --cpus 2 " +
        "--memory 4096M --device /dev/sdb --entrypoint /bin/sh --workdir /w --user 1000:1000 --label team=core busybox -c 'echo $HOME'",
    );
    assert.deepEqual(dockerRunArguments({ image: 'busybox', remove: true }), ['run', '-d', '--rm', 'busybox']);
  });
});
