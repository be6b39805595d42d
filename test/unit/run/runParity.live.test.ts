// The create body and the "Copy as docker run" line against the real engine and the real docker CLI:
// both containers must carry the same HostConfig, field by field.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { containerCreateBody, createAndStartContainer } from '../../../src/engine/run';
import { dockerRunLine } from '../../../src/run/dockerRunLine';
import type { RunOptions } from '../../../src/models/run/runOptions';
import { freePort } from '../../launchers/network';
import { TEST_IMAGE, TEST_LABEL, removeTestContainers, testDocker, testName } from '../../support/testEngine';

describe('run options against the real engine and docker CLI', function () {
  this.timeout(60_000);
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
  const networkName = testName('run-net');
  const bindDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-run-bind-'));

  before(async () => {
    await docker.createNetwork({ Name: networkName, Driver: 'bridge', Labels: { [TEST_LABEL]: 'true' }, IPAM: { Config: [{ Subnet: '10.231.77.0/24' }] } });
  });
  after(async () => {
    await removeTestContainers(docker);
    await docker.getNetwork(networkName).remove().catch(() => undefined);
    fs.rmSync(bindDir, { recursive: true, force: true });
  });

  it('creates from the body and from the copied line containers whose HostConfig matches field by field', async () => {
    const options = (name: string, ip: string, port: number): RunOptions => ({
      image: TEST_IMAGE, name, mode: 'detached', restart: 'on-failure:2', ports: [`127.0.0.1:${port}:80`, '127.0.0.1::81/udp'],
      env: ['GREETING=hello world', "QUOTE=it's"], volumes: [`${bindDir}:/data:ro`], tmpfs: ['/run:size=16m'], cpus: '0.5', memory: '64m',
      capAdd: ['SYS_ADMIN', 'net_admin'], capDrop: ['MKNOD'], securityOpt: ['no-new-privileges'], network: networkName, ip, hostname: 'runbox',
      labels: [`${TEST_LABEL}=true`, 'note=two words'], workdir: '/data', user: '0:0', command: `sh -c 'sleep 3600'`,
    });
    const fromBody = options(testName('run-body'), '10.231.77.21', await freePort());
    const started = await createAndStartContainer(client, containerCreateBody(fromBody, fromBody.env ?? []));
    const fromLine = options(testName('run-line'), '10.231.77.22', await freePort());
    execFileSync('bash', ['-c', dockerRunLine(fromLine)], { stdio: 'pipe' });

    const a = await docker.getContainer(started.id).inspect();
    const b = await docker.getContainer(fromLine.name!).inspect();
    // Every HostConfig field, not a chosen few: only the host ports differ (each container has its own).
    const hostConfig = (c: typeof a) => JSON.parse(JSON.stringify(c.HostConfig).replace(/"HostPort":"\d+"/g, '"HostPort":"N"')) as Record<string, unknown>;
    const [ha, hb] = [hostConfig(a), hostConfig(b)];
    const differing = [...new Set([...Object.keys(ha), ...Object.keys(hb)])].filter((k) => JSON.stringify(ha[k]) !== JSON.stringify(hb[k]));
    assert.deepEqual(differing.map((k) => `${k}: ${JSON.stringify(ha[k])} vs ${JSON.stringify(hb[k])}`), []);
    // The docker CLI passes -e values through a Go map on some versions, so their order varies from run to run.
    assert.deepEqual([...a.Config.Env].sort(), [...b.Config.Env].sort());
    assert.deepEqual(a.Config.Cmd, b.Config.Cmd);
    assert.deepEqual(a.Config.Labels, b.Config.Labels);
    assert.equal(a.NetworkSettings.Networks[networkName].IPAddress, '10.231.77.21');
    assert.equal(b.NetworkSettings.Networks[networkName].IPAddress, '10.231.77.22');
  });
});
