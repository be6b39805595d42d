// Context values follow the documented scheme: kind, then flags in a fixed order.
import * as assert from 'node:assert/strict';
import type { NetworkSummary } from '../../../src/models/network';
import { containerContextValue, imageContextValue, networkContextValue, volumeContextValue } from '../../../src/tree/contextValues';
import { container } from './fixtures';

const network = (overrides: Partial<NetworkSummary>): NetworkSummary => ({
  id: 'n', name: 'n', driver: 'bridge', scope: 'local', internal: false, attachable: false, ipv6: false, ipam: [], builtIn: false, created: 0, labels: {}, ...overrides,
});

describe('context values', () => {
  it('derives container values from state, health, compose and ports', () => {
    assert.equal(containerContextValue(container('a')), 'container+running');
    assert.equal(
      containerContextValue(container('a', { health: 'unhealthy', composeProject: 'p', ports: [{ privatePort: 80, publicPort: 8080, protocol: 'tcp' }] })),
      'container+running+unhealthy+compose+ports',
    );
    assert.equal(containerContextValue(container('a', { state: 'exited' }), 'networkContainer'), 'networkContainer+exited');
    assert.match(containerContextValue(container('a', { state: 'paused' })), /^container\b.*\+paused\b/);
  });

  it('marks images dangling or tagged, and in use', () => {
    const img = { id: 'i', repoTags: [], repoDigests: [], created: 0, size: 0, labels: {}, dangling: true };
    assert.equal(imageContextValue(img, 0), 'image+dangling');
    assert.equal(imageContextValue({ ...img, repoTags: ['a:1'], dangling: false }, 2), 'image+tagged+inuse');
  });

  it('marks built-in, internal and attachable networks, and volumes in use', () => {
    assert.equal(networkContextValue(network({ builtIn: true }), 3), 'network+builtin+inuse');
    assert.equal(networkContextValue(network({ internal: true, attachable: true }), 0), 'network+custom+internal+attachable');
    const v = { name: 'v', driver: 'local', mountpoint: '/', scope: 'local', labels: {} };
    assert.equal(volumeContextValue(v, 1), 'volume+inuse');
    assert.equal(volumeContextValue(v, 0), 'volume+unused');
  });
});
