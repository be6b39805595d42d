// The Docker doctor on real faults (issue 18): a private engine in a network namespace of this test, its
// data root on a small tmpfs, with IPv4 forwarding turned off in the namespace, the tmpfs filled up, the
// engine stopped (cleanly, and killed so its socket stays), and a socket this user may not open. Each
// fault must come out as the finding a user would need, with the engine's own words where it has them.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { DoctorEndpoint, EngineOutcome } from '../../../src/doctor/doctorInput';
import type { Finding } from '../../../src/doctor/finding';
import { nodeHostAccess } from '../../../src/doctor/hostAccess';
import { runDoctor } from '../../../src/doctor/runDoctor';
import { EngineClient } from '../../../src/engine/client';
import { readEngineFacts } from '../../../src/engine/engineFacts';
import { describeEngineError, toEngineError } from '../../../src/engine/errors';
import { PrivateEngine } from '../../support/privateEngine';
import { buildScratchImage } from '../../support/scratchImage';

const PROBE = path.resolve(__dirname, '../../support/doctorProbe.js');
const ROOT = `/tmp/doctor-${process.pid}-engine`;
const NETNS = `doctor-${process.pid}`;
const TMPFS_SIZE = '128m';

function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.severity}:${f.id}`);
}

function one(findings: readonly Finding[], id: string): Finding {
  const found = findings.filter((f) => f.id === id);
  assert.equal(found.length, 1, `${id} once in ${ids(findings).join(', ')}`);
  return found[0]!;
}

/** The process is gone, or a zombie with no thread of it left running. */
function exitedCompletely(pid: number): boolean {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return true;
  }
  return /^State:\s*Z/m.test(status) && /^Threads:\s*1$/m.test(status);
}

/** The doctor in a process of its own: inside `netns`, or as another user (spawnSync sets uid, gid and no supplementary groups). */
function probe(request: { endpoint: DoctorEndpoint; engine: EngineOutcome; roots?: object }, where: { netns?: string; uid?: number; gid?: number } = {}): Finding[] {
  const args = [PROBE, JSON.stringify(request)];
  const [command, argv] = where.netns ? ['ip', ['netns', 'exec', where.netns, process.execPath, ...args]] : [process.execPath, args];
  const result = spawnSync(command, argv, { encoding: 'utf8', uid: where.uid, gid: where.gid, env: { PATH: process.env.PATH, HOME: '/nonexistent' }, timeout: 30_000 });
  assert.equal(result.status, 0, `the probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Finding[];
}

describe('doctor on real faults (live)', function () {
  this.timeout(120_000);
  const engine = new PrivateEngine(ROOT, { netns: NETNS });
  const endpoint = { host: engine.host, source: 'setting' };
  let client: EngineClient;

  async function answered(): Promise<EngineOutcome> {
    return { kind: 'answered', facts: await readEngineFacts(client) };
  }

  async function failed(): Promise<EngineOutcome> {
    const error = toEngineError(await client.ping().then(() => new Error('the engine answered'), (e: unknown) => e), engine.host);
    return { kind: 'failed', code: error.code, message: describeEngineError(error) };
  }

  before(async () => {
    fs.mkdirSync(ROOT, { recursive: true });
    // The whole engine (data root, exec root, socket) on a tmpfs of its own: small enough to fill.
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, `doctor-${process.pid}`, ROOT]);
    await engine.start();
    client = new EngineClient({ host: engine.host, label: 'doctor', source: 'setting', tls: false });
  });

  after(async () => {
    client?.close();
    await engine.stop();
    spawnSync('umount', ['-l', ROOT]);
    await engine.destroy();
  });

  it('IPv4 forwarding off in the engine\'s namespace: the engine\'s own warning, and the host check run inside the namespace', async () => {
    const before = await runDoctor({ endpoint, engine: await answered(), host: nodeHostAccess() });
    assert.equal(one(before.findings, 'ipForwardOff').severity, 'ok', 'forwarding starts on');
    execFileSync('ip', ['netns', 'exec', NETNS, 'sysctl', '-qw', 'net.ipv4.ip_forward=0']);
    try {
      const outcome = await answered();
      assert.equal(outcome.kind === 'answered' && outcome.facts.ipv4Forwarding, false, 'the engine reads its namespace');
      assert.ok(outcome.kind === 'answered' && outcome.facts.warnings.some((w) => /IPv4 forwarding is disabled/.test(w)), 'the handbook\'s warning, from the engine');
      const report = await runDoctor({ endpoint, engine: outcome, host: nodeHostAccess() });
      const off = one(report.findings, 'ipForwardOff');
      assert.deepEqual([off.severity, off.facts.seenBy], ['error', 'engine']);
      assert.ok(!report.findings.some((f) => f.id === 'engineWarning' && /forwarding/.test(f.facts.text ?? '')), 'folded into the finding, not repeated');
      // The host-side check, in a process inside the namespace, reads /proc/sys there (the engine is down for it).
      const inside = probe({ endpoint, engine: { kind: 'failed', code: 'unreachable', message: '' } }, { netns: NETNS });
      assert.deepEqual([one(inside, 'ipForwardOff').severity, one(inside, 'ipForwardOff').facts.seenBy], ['warning', 'host']);
      const outside = probe({ endpoint, engine: { kind: 'failed', code: 'unreachable', message: '' } });
      assert.equal(one(outside, 'ipForwardOff').severity, 'ok', 'the test machine itself forwards');
    } finally {
      execFileSync('ip', ['netns', 'exec', NETNS, 'sysctl', '-qw', 'net.ipv4.ip_forward=1']);
    }
  });

  it('a data root on a tmpfs filled up: the free space of DockerRootDir, and prune on offer', async () => {
    await buildScratchImage(client.docker, 1, `doctor-${process.pid}-unused:1`);
    const roomy = await runDoctor({ endpoint, engine: await answered(), host: nodeHostAccess() });
    const space = one(roomy.findings, 'diskSpace');
    assert.equal(space.facts.root, path.join(ROOT, 'data'));
    assert.equal(space.severity, 'ok');
    const filler = path.join(ROOT, 'filler');
    const { bavail, bsize } = fs.statfsSync(ROOT);
    // Leave under 2% of the tmpfs free, as a long-running engine's builds and pulls would.
    const fd = fs.openSync(filler, 'w');
    const chunk = Buffer.alloc(1024 * 1024);
    for (let left = bavail * bsize - 2 * 1024 * 1024; left > 0; left -= chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, left));
    fs.closeSync(fd);
    try {
      const full = await runDoctor({ endpoint, engine: await answered(), host: nodeHostAccess() });
      const low = one(full.findings, 'diskLow');
      assert.equal(low.severity, 'error');
      assert.ok(Number(low.facts.percentFree) < 5, `${low.facts.percentFree}% free`);
      assert.equal(low.facts.driver, space.facts.driver);
      // The image built above is unused: prune would give its layer back, and Dockside offers to.
      assert.ok(Number(low.facts.reclaimableMiB) >= 1, `${low.facts.reclaimableMiB} MiB reclaimable`);
      assert.deepEqual([low.fix, low.command], ['prune', 'docker system prune']);
    } finally {
      fs.rmSync(filler);
    }
  });

  it('a private engine stopped: no socket, and no dockerd serving it', async () => {
    await engine.stop();
    const outcome = await failed();
    assert.equal(outcome.kind === 'failed' && outcome.code, 'unreachable');
    const report = await runDoctor({ endpoint, engine: outcome, host: nodeHostAccess() });
    assert.equal(one(report.findings, 'engineUnreachable').facts.host, engine.host);
    assert.equal(one(report.findings, 'socketMissing').facts.socket, engine.socket);
    // The machine's main engine still runs elsewhere: the doctor names where, and never the stopped one.
    const notServed = report.findings.find((f) => f.id === 'dockerdListensElsewhere' || f.id === 'dockerdNotRunning');
    assert.ok(notServed, ids(report.findings).join(', '));
    assert.ok(!(notServed.facts.elsewhere ?? '').includes(engine.socket));
    assert.equal(one(report.findings, 'socketChoice').facts.source, 'setting');
  });

  it('a private engine killed: its socket stays behind and refuses connections', async () => {
    await engine.start();
    const pid = Number(fs.readFileSync(path.join(ROOT, 'docker.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    // Dead means every thread gone: the leader of a killed multi-threaded process turns zombie while its other
    // threads still exit, and until the last one has, the listening socket stays open (connections succeed).
    const deadline = Date.now() + 20_000;
    while (!exitedCompletely(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const report = await runDoctor({ endpoint, engine: await failed(), host: nodeHostAccess() });
    one(report.findings, 'socketRefused');
    assert.ok(!report.findings.some((f) => f.id === 'socketMissing'));
    // containerd-shim and the pid file are left as after a crash; the next start cleans them up.
    fs.rmSync(engine.socket, { force: true });
  });

  describe('a socket this user may not open', () => {
    const dir = `/tmp/doctor-${process.pid}-sock`;
    const socket = path.join(dir, 'docker.sock');
    const server = net.createServer((c) => c.destroy());
    const nobody = 65534;
    const group = fs.readFileSync('/etc/group', 'utf8').match(/^docker:[^:]*:(\d+):/m);
    const [groupName, gid] = group ? ['docker', Number(group[1])] : ['root', 0];
    const sockEndpoint = { host: `unix://${socket}`, source: 'setting' };
    const denied: EngineOutcome = { kind: 'failed', code: 'permissionDenied', message: 'connect EACCES' };

    before(async () => {
      fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
      fs.chmodSync(dir, 0o755);
      await new Promise<void>((resolve) => server.listen(socket, resolve));
    });

    after(() => {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('mode 600 owned by another user: permission denied, and a group would not help', () => {
      fs.chownSync(socket, 4321, 4321);
      fs.chmodSync(socket, 0o600);
      const findings = probe({ endpoint: sockEndpoint, engine: denied }, { uid: nobody, gid: nobody });
      const permission = one(findings, 'socketPermission');
      assert.deepEqual([permission.facts.owner, permission.facts.mode, permission.facts.user, permission.facts.groupUseless], ['4321', '0600 (srw-------)', 'nobody', 'true']);
    });

    it(`mode 660 for the ${groupName} group: join it; listed in the group but not in this process: log in again`, () => {
      fs.chownSync(socket, 0, gid);
      fs.chmodSync(socket, 0o660);
      const outsider = probe({ endpoint: sockEndpoint, engine: denied }, { uid: nobody, gid: nobody });
      assert.equal(one(outsider, 'socketPermission').facts.group, groupName);
      assert.equal(one(outsider, 'notInDockerGroup').command, `sudo usermod -aG ${groupName} nobody`);
      // The account database of a machine where nobody was just added to the group (a copy of /etc; the
      // machine's own is not touched): the process, started before, still lacks the group.
      const etc = path.join(dir, 'etc');
      fs.mkdirSync(etc, { recursive: true });
      fs.writeFileSync(path.join(etc, 'passwd'), fs.readFileSync('/etc/passwd'));
      fs.writeFileSync(path.join(etc, 'group'), fs.readFileSync('/etc/group', 'utf8').replace(new RegExp(`^(${groupName}:[^:]*:\\d+:)(.*)$`, 'm'), (_, head: string, members: string) => `${head}${members ? `${members},` : ''}nobody`));
      const added = probe({ endpoint: sockEndpoint, engine: denied, roots: { etc } }, { uid: nobody, gid: nobody });
      assert.equal(one(added, 'dockerGroupNotActive').command, `newgrp ${groupName}`);
      assert.ok(!added.some((f) => f.id === 'notInDockerGroup'));
    });
  });
});
