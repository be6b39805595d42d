// How containers are grouped and ordered in the Containers view. Pure: unit-tested without VS Code.
import type { ContainerState, ContainerSummary } from '../../models/container';
import type { ContainerGrouping, ContainerSorting } from '../explorerSettings';

/** Running first, then what may run soon, then what stopped. */
const STATE_RANK: Record<ContainerState, number> = { running: 0, restarting: 1, paused: 2, created: 3, exited: 4, dead: 5, removing: 6 };

/**
 * The groups a container shows under; empty means the view's top level. With compose grouping only
 * compose containers are grouped; with network grouping a container shows once per network.
 */
export function groupKeysOf(c: ContainerSummary, grouping: ContainerGrouping): string[] {
  switch (grouping) {
    case 'none': return [];
    case 'composeProject': return c.composeProject ? [c.composeProject] : [];
    case 'state': return [c.state];
    case 'image': return [c.image];
    case 'network': return c.networks.map((n) => n.name);
  }
}

export function compareContainers(sorting: ContainerSorting): (a: ContainerSummary, b: ContainerSummary) => number {
  const byName = (a: ContainerSummary, b: ContainerSummary) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  switch (sorting) {
    case 'name': return byName;
    case 'created': return (a, b) => b.created - a.created || byName(a, b);
    case 'state': return (a, b) => STATE_RANK[a.state] - STATE_RANK[b.state] || byName(a, b);
  }
}

/** Group keys in the order groups show: states by rank, everything else alphabetically. */
export function compareGroupKeys(grouping: ContainerGrouping): (a: string, b: string) => number {
  if (grouping === 'state') return (a, b) => (STATE_RANK[a as ContainerState] ?? 9) - (STATE_RANK[b as ContainerState] ?? 9);
  return (a, b) => a.localeCompare(b);
}

/** The value the order depends on: when it changes, the container may move, so the list is rebuilt. */
export function sortKeyOf(c: ContainerSummary, sorting: ContainerSorting): string {
  switch (sorting) {
    case 'name': return c.name;
    case 'created': return String(c.created);
    case 'state': return `${STATE_RANK[c.state]}:${c.name}`;
  }
}

export function isRunning(c: ContainerSummary): boolean {
  return c.state === 'running' || c.state === 'restarting';
}
