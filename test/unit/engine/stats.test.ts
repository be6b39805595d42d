// Resource figures as `docker stats` computes them, from documents shaped like the engine's and live.
import * as assert from 'node:assert/strict';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { containerChanges, containerProcesses, readStats, streamStats, toStatsSample, type FileChange, type RawStats, type StatsSample } from '../../../src/engine/stats';
import { waitFor } from '../../integration/support/waitFor';
import { createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';

describe('engine stats (live engine)', function () {
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));

  after(() => removeTestContainers(docker));

  it('computes CPU %, memory without reclaimable cache, and sums network and block I/O', () => {
    const raw: RawStats = {
      read: '2024-01-01T00:00:01Z',
      cpu_stats: { cpu_usage: { total_usage: 3_000_000_000 }, system_cpu_usage: 20_000_000_000, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 18_000_000_000 },
      memory_stats: { usage: 100 * 2 ** 20, limit: 2 ** 30, stats: { inactive_file: 20 * 2 ** 20 } },
      networks: { eth0: { rx_bytes: 100, tx_bytes: 50 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
      blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 4096 }, { op: 'write', value: 8192 }, { op: 'Read', value: 4096 }, { op: 'Total', value: 1 }] },
      pids_stats: { current: 3 },
    };
    assert.deepEqual(toStatsSample(raw), {
      time: Date.parse('2024-01-01T00:00:01Z'),
      cpuPercent: 100,
      memoryUsageBytes: 80 * 2 ** 20,
      memoryLimitBytes: 2 ** 30,
      networkRxBytes: 101,
      networkTxBytes: 52,
      blockReadBytes: 8192,
      blockWriteBytes: 8192,
      pids: 3,
    });
    // cgroup v1 names the cache total_inactive_file; the first document of a stream has no previous reading.
    const v1 = toStatsSample({ memory_stats: { usage: 1000, limit: 5000, stats: { total_inactive_file: 300 } }, cpu_stats: {}, precpu_stats: {} });
    assert.equal(v1.memoryUsageBytes, 700);
    assert.equal(v1.cpuPercent, 0);
  });

  it('agrees with the engine on a busy container: limit exact, usage and CPU within the noise of two readings', async () => {
    const container = await createTestContainer(docker, { name: testName('stats-busy'), cmd: ['sh', '-c', 'while true; do :; done'] });
    const ours = await readStats(client, container.id);
    const raw = (await container.stats({ stream: false })) as unknown as RawStats;
    const engine = toStatsSample(raw);
    assert.equal(ours.memoryLimitBytes, raw.memory_stats?.limit);
    assert.ok(ours.memoryUsageBytes > 0 && Math.abs(ours.memoryUsageBytes - engine.memoryUsageBytes) < 4 * 2 ** 20);
    // One busy loop keeps about one CPU busy; on a shared machine allow a wide band, but not zero.
    assert.ok(ours.cpuPercent > 20 && ours.cpuPercent < 210, `cpu ${ours.cpuPercent}`);
    assert.ok(Math.abs(ours.cpuPercent - engine.cpuPercent) < 60, `ours ${ours.cpuPercent}, engine ${engine.cpuPercent}`);
    assert.ok(ours.pids >= 1);
  });

  it('streams samples about once a second until aborted', async () => {
    const container = await createTestContainer(docker, { name: testName('stats-stream') });
    const samples: StatsSample[] = [];
    const abort = new AbortController();
    const done = streamStats(client, container.id, (s) => {
      samples.push(s);
      if (samples.length === 3) abort.abort();
    }, abort.signal);
    await done;
    assert.equal(samples.length, 3);
    assert.ok(samples[2].time > samples[0].time);
  });

  it('lists the processes (top) and the changed files (diff)', async () => {
    const container = await createTestContainer(docker, { name: testName('stats-top'), cmd: ['sh', '-c', 'mkdir -p /work && echo hi > /work/new.txt && rm /bin/vi && sleep 3600'] });
    const table = await containerProcesses(client, container.id);
    assert.ok(table.titles.includes('PID'));
    assert.ok(table.processes.some((p) => p.join(' ').includes('sleep 3600')));
    let changes: FileChange[] = [];
    // The container writes the file after it starts: wait until the engine reports it.
    await waitFor('the new file among the changes', async () => (changes = await containerChanges(client, container.id)).some((c) => c.path === '/work/new.txt'), 5_000).catch(() => undefined);
    assert.ok(changes.some((c) => c.path === '/work/new.txt' && c.kind === 'added'), JSON.stringify(changes));
    assert.ok(changes.some((c) => c.path === '/bin/vi' && c.kind === 'deleted'));
    assert.ok(changes.some((c) => c.path === '/bin' && c.kind === 'changed'));
  });
});
