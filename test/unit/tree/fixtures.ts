// Plain models for the tree tests.
import type { ContainerSummary } from '../../../src/models/container';

export function container(id: string, overrides: Partial<ContainerSummary> = {}): ContainerSummary {
  return {
    id, name: id, image: 'busybox', imageId: 'sha256:b', command: 'sh', created: 1, state: 'running', status: 'Up 1 second', health: 'none',
    ports: [], labels: {}, networks: [], mounts: [], ...overrides,
  };
}
