// What people type for `docker update`, labels and references, parsed like the docker CLI does.
import * as assert from 'node:assert/strict';
import { parseLoadOutput, splitReference } from '../../../src/engine/images';
import { mapDiskUsage, systemPruneKinds } from '../../../src/engine/system';
import { formatBinarySize } from '../../../src/shared/byteSize';
import { formatByteSize, formatCpus, formatRestartPolicy, parseByteSize, parseCpus, parseLabels, parseRestartPolicy } from '../../../src/manage/limits';

describe('update and label parsing', () => {
  it('parses memory sizes with docker units and round-trips them', () => {
    assert.equal(parseByteSize('512m'), 512 * 1024 ** 2);
    assert.equal(parseByteSize('1G'), 1024 ** 3);
    assert.equal(parseByteSize('1.5g'), 1.5 * 1024 ** 3);
    assert.equal(parseByteSize('64kb'), 64 * 1024);
    assert.equal(parseByteSize('1048576'), 1048576);
    assert.equal(parseByteSize('0'), 0);
    assert.equal(parseByteSize('-1'), -1);
    assert.equal(parseByteSize('lots'), undefined);
    assert.equal(parseByteSize('5x'), undefined);
    assert.equal(formatByteSize(512 * 1024 ** 2), '512m');
    assert.equal(formatByteSize(1536 * 1024 ** 2), '1536m');
    assert.equal(formatByteSize(1000), '1000');
    assert.equal(formatByteSize(0), '0');
  });

  it('parses CPUs to nano-CPUs', () => {
    assert.equal(parseCpus('1.5'), 1_500_000_000);
    assert.equal(parseCpus(''), 0);
    assert.equal(parseCpus('-1'), undefined);
    assert.equal(formatCpus(250_000_000), '0.25');
  });

  it('parses restart policies including on-failure:N', () => {
    assert.deepEqual(parseRestartPolicy('on-failure:5'), { name: 'on-failure', maximumRetryCount: 5 });
    assert.deepEqual(parseRestartPolicy('unless-stopped'), { name: 'unless-stopped', maximumRetryCount: 0 });
    assert.equal(parseRestartPolicy('always:3'), undefined);
    assert.equal(parseRestartPolicy('sometimes'), undefined);
    assert.equal(formatRestartPolicy({ name: 'on-failure', maximumRetryCount: 3 }), 'on-failure:3');
    assert.equal(formatRestartPolicy({ name: 'no', maximumRetryCount: 0 }), 'no');
  });

  it('parses labels and refuses a pair without a key', () => {
    assert.deepEqual(parseLabels('team=web, tier = front,flag'), { team: 'web', tier: 'front', flag: '' });
    assert.deepEqual(parseLabels(''), {});
    assert.equal(parseLabels('=x'), undefined);
  });

  it('writes sizes in the binary units Docker counts in: a parsed limit reads back as typed', () => {
    assert.equal(formatBinarySize(0), '0 B');
    assert.equal(formatBinarySize(1536), '1.5 KiB');
    assert.equal(formatBinarySize(parseByteSize('4096M')!), '4 GiB');
    assert.equal(formatBinarySize(parseByteSize('256m')!), '256 MiB');
    assert.equal(formatBinarySize(12_345_678), '11.8 MiB');
    assert.equal(formatBinarySize(5_000_000_000), '4.66 GiB');
  });

  it('splits image references at the tag, not the registry port', () => {
    assert.deepEqual(splitReference('registry.local:5000/team/app:1.2'), { repository: 'registry.local:5000/team/app', tag: '1.2' });
    assert.deepEqual(splitReference('registry.local:5000/team/app'), { repository: 'registry.local:5000/team/app', tag: 'latest' });
    assert.deepEqual(splitReference('busybox'), { repository: 'busybox', tag: 'latest' });
  });

  it('reads what docker load loaded, and fails on its error lines', () => {
    const ok = '{"stream":"Loaded image: a:1\\n"}\n{"stream":"Loaded image ID: sha256:abc\\n"}\n';
    assert.deepEqual(parseLoadOutput(ok), ['a:1', 'sha256:abc']);
    assert.throws(() => parseLoadOutput('{"errorDetail":{"message":"unexpected EOF"},"error":"unexpected EOF"}\n'), (e: Error) => e.name === 'EngineError' && /unexpected EOF/.test(e.message));
  });

  it('sums disk usage with the docker CLI arithmetic', () => {
    const usage = mapDiskUsage({
      LayersSize: 1000,
      Images: [{ Containers: 1, Size: 600, SharedSize: 100 }, { Containers: 0, Size: 400, SharedSize: 100 }],
      Containers: [{ SizeRw: 10, State: 'running' }, { SizeRw: 30, State: 'exited' }],
      Volumes: [{ UsageData: { Size: 50, RefCount: 1 } }, { UsageData: { Size: 70, RefCount: 0 } }],
      BuildCache: [{ ID: 'a', Size: 5, InUse: false, Shared: false }, { ID: 'b', Size: 7, InUse: true, Shared: false }],
    });
    assert.deepEqual(usage.images, { total: 2, active: 1, size: 1000, reclaimable: 500 });
    assert.deepEqual(usage.containers, { total: 2, active: 1, size: 40, reclaimable: 30 });
    assert.deepEqual(usage.volumes, { total: 2, active: 1, size: 120, reclaimable: 70 });
    assert.deepEqual(usage.buildCache, { total: 2, active: 1, size: 12, reclaimable: 5 });
  });

  it('orders system prune like the CLI and adds volumes only when asked', () => {
    assert.deepEqual(systemPruneKinds({ allImages: false, volumes: false }), ['containers', 'networks', 'danglingImages', 'buildCache']);
    assert.deepEqual(systemPruneKinds({ allImages: true, volumes: true }), ['containers', 'networks', 'volumes', 'unusedImages', 'buildCache']);
  });
});
