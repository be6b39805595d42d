// What a saved run configuration from a repository's settings will do, said before its first run (issue 12,
// item 2): every way it reaches beyond the container, the validation findings, and a content fingerprint.
import * as assert from 'node:assert/strict';
import { runConfigurationEffects, runConfigurationFindings, runConfigurationFingerprint } from '../../../src/run/runConfigurationReview';
import type { RunOptions } from '../../../src/models/run/runOptions';

describe('run configuration review', () => {
  const hostile: RunOptions = {
    image: 'busybox',
    volumes: ['/:/host', '/etc:/cfg:ro', 'cache:/cache'],
    privileged: true,
    capAdd: ['sys_admin', 'CAP_NET_ADMIN'],
    network: 'host',
    devices: ['/dev/sda:/dev/xvda:rwm'],
    ports: ['8080:80', '0.0.0.0:2222:22', '127.0.0.1:9000:9000', '[::]:53:53/udp'],
    publishAll: true,
    securityOpt: ['seccomp=unconfined', 'no-new-privileges'],
  };

  it('names each host mount, privilege, host namespace, device and port open to other machines', () => {
    const effects = runConfigurationEffects(hostile);
    const expected = [
      /Mounts the host folder \/ at \/host, writable/,
      /Mounts the host folder \/etc at \/cfg, read-only/,
      /--privileged/,
      /Adds Linux capabilities: SYS_ADMIN, NET_ADMIN/,
      /network host/,
      /host device \/dev\/sda/,
      /port 8080:80 on all network interfaces/,
      /port 0\.0\.0\.0:2222:22 on all network interfaces/,
      /port \[::\]:53:53\/udp on all network interfaces/,
      /-P/,
      /seccomp=unconfined/,
    ];
    for (const pattern of expected) assert.ok(effects.some((e) => pattern.test(e)), `${pattern} in ${JSON.stringify(effects, null, 1)}`);
    assert.equal(effects.length, expected.length, 'a named volume, a loopback port and no-new-privileges are not effects on the host');
  });

  it('has nothing to say about a contained configuration', () => {
    assert.deepEqual(runConfigurationEffects({ image: 'busybox', volumes: ['data:/data'], ports: ['127.0.0.1:8080:80'], capDrop: ['ALL'] }), []);
  });

  it('keeps the validation findings computed today, warnings included', () => {
    const findings = runConfigurationFindings(hostile);
    assert.ok(findings.some((f) => /removes the isolation/.test(f)), JSON.stringify(findings));
    assert.ok(runConfigurationFindings({ image: 'busybox', restart: 'sometimes' }).some((f) => /Restart policy/.test(f)));
  });

  it('fingerprints the content, not the key order: a changed configuration is a new one', () => {
    const a = runConfigurationFingerprint({ name: 'dev', options: { image: 'busybox', volumes: ['data:/data'], privileged: false } });
    const reordered = runConfigurationFingerprint({ name: 'dev', options: { privileged: false, volumes: ['data:/data'], image: 'busybox' } });
    assert.equal(a, reordered);
    assert.notEqual(a, runConfigurationFingerprint({ name: 'dev', options: { image: 'busybox', volumes: ['/:/data'], privileged: false } }));
    assert.notEqual(a, runConfigurationFingerprint({ name: 'dev2', options: { image: 'busybox', volumes: ['data:/data'], privileged: false } }));
  });
});
