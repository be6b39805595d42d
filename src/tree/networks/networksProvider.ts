// The Networks view: driver, scope, subnet and gateway, internal/attachable marks, built-ins marked; the
// attached containers (with their addresses) as children, read from the containers the store holds.
import * as vscode from 'vscode';
import type { ContainerSummary } from '../../models/container';
import { defaultGateway } from '../../manage/cidr';
import type { NetworkIpamConfig, NetworkSummary } from '../../models/network';
import { containerTreeItem, stateLabel } from '../containers/containerItem';
import { networkContextValue } from '../contextValues';
import { ExplorerProvider, refreshChildren, reuse, type Repaint } from '../explorerProvider';
import type { StoreChange } from '../explorerStore';
import { escapeMarkdown as md, formatDate } from '../format';
import type { NetworkContainerNode, NetworkNode, NetworksViewNode } from '../nodes';

export class NetworksProvider extends ExplorerProvider<NetworksViewNode> {
  private networks = new Map<string, NetworkNode>();
  private attached = new Map<string, NetworkContainerNode>();

  getTreeItem(node: NetworksViewNode): vscode.TreeItem {
    if (node.kind === 'networkContainer') {
      const address = node.attachment.ipAddress ?? node.attachment.ipv6Address ?? vscode.l10n.t('no address');
      return containerTreeItem(node.container, node.id, 'networkContainer', `${address} · ${stateLabel(node.container.state)}`);
    }
    const n = node.network;
    const count = this.attachedTo(n).length;
    const item = new vscode.TreeItem(n.name, count ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = networkDescription(n, this.attachedGateways(n));
    item.iconPath = new vscode.ThemeIcon(n.builtIn ? 'globe' : 'type-hierarchy', count ? new vscode.ThemeColor('charts.green') : undefined);
    item.contextValue = networkContextValue(n, count);
    item.tooltip = networkTooltip(n, count, this.attachedGateways(n));
    return item;
  }

  protected roots(): NetworksViewNode[] {
    const next = new Map<string, NetworkNode>();
    const networks = this.store
      .all('networks')
      .filter((n) => this.matches(n.name, networkDescription(n)))
      // Built-in networks first (bridge, host, none), then the user's, alphabetically.
      .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
    const roots = networks.map((n) => reuse<NetworkNode>(this.networks, next, n.id, () => ({ kind: 'network', id: n.id, network: n }), (node) => (node.network = n)));
    this.networks = next;
    return roots;
  }

  protected children(node: NetworksViewNode): NetworksViewNode[] {
    if (node.kind !== 'network') return [];
    const rows = this.attachedTo(node.network).map(({ container, attachment }): NetworkContainerNode => ({
      kind: 'networkContainer',
      id: `${node.id}/${container.id}`,
      container,
      network: node.network,
      attachment,
    }));
    return refreshChildren(this.attached, node.id, rows);
  }

  protected repaintFor(change: StoreChange): Repaint<NetworksViewNode> {
    if (change.networks) return 'all';
    const containers = change.containers;
    if (!containers) return undefined;
    // Repaint the networks whose attached containers changed; their children are read again.
    const touched = new Set<string>();
    const note = (c: ContainerSummary) => c.networks.forEach((a) => touched.add(a.networkId));
    containers.added.forEach(note);
    containers.removed.forEach(note);
    containers.changed.forEach(({ before, after }) => (note(before), note(after)));
    const nodes = [...touched].map((id) => this.networks.get(id)).filter((n): n is NetworkNode => !!n);
    // A network that gains its first container becomes expandable: the row's own state changes.
    return nodes;
  }

  /** Gateways the attached endpoints report: the engine's own word when its IPAM config leaves one out. */
  private attachedGateways(network: NetworkSummary): string[] {
    return this.attachedTo(network).map((a) => a.attachment.gateway).filter((g): g is string => !!g);
  }

  private attachedTo(network: NetworkSummary): { container: ContainerSummary; attachment: ContainerSummary['networks'][number] }[] {
    const result = [];
    for (const container of this.store.all('containers')) {
      const attachment = container.networks.find((a) => a.networkId === network.id || (!a.networkId && a.name === network.name));
      if (attachment) result.push({ container, attachment });
    }
    return result.sort((a, b) => a.container.name.localeCompare(b.container.name));
  }
}

/** Drivers whose default IPAM gives a pool a gateway address even when `--gateway` was not given. */
const GATEWAY_DRIVERS = new Set(['bridge', 'macvlan']);

/**
 * A pool's gateway: as its IPAM config says, else as an attached endpoint reports it, else the address the
 * default IPAM assigns (the engine leaves it out of the config when `--gateway` was not given).
 */
export function poolGateway(n: NetworkSummary, pool: NetworkIpamConfig, attachedGateways: readonly string[]): string | undefined {
  if (pool.gateway) return pool.gateway;
  if (!pool.subnet) return undefined;
  const reported = attachedGateways.find((g) => g.includes(':') === pool.subnet!.includes(':'));
  if (reported) return reported;
  return GATEWAY_DRIVERS.has(n.driver) ? defaultGateway(pool.subnet, pool.ipRange) : undefined;
}

/** "bridge · local · 172.18.0.0/16 via 172.18.0.1 · internal · attachable · built-in". */
export function networkDescription(n: NetworkSummary, attachedGateways: readonly string[] = []): string {
  const parts = [n.driver, n.scope];
  for (const c of n.ipam) {
    const gateway = poolGateway(n, c, attachedGateways);
    if (c.subnet) parts.push(gateway ? vscode.l10n.t('{0} via {1}', c.subnet, gateway) : c.subnet);
  }
  if (n.internal) parts.push(vscode.l10n.t('internal'));
  if (n.attachable) parts.push(vscode.l10n.t('attachable'));
  if (n.builtIn) parts.push(vscode.l10n.t('built-in'));
  return parts.join(' · ');
}

function networkTooltip(n: NetworkSummary, attached: number, attachedGateways: readonly string[]): vscode.MarkdownString {
  const out = new vscode.MarkdownString(undefined, true);
  out.appendMarkdown(`**${md(n.name)}**${n.builtIn ? ` — ${vscode.l10n.t('built-in')}` : ''}\n\n`);
  out.appendMarkdown(`${vscode.l10n.t('ID')}: \`${n.id.slice(0, 12)}\`  \n${vscode.l10n.t('Driver')}: ${md(n.driver)}  \n${vscode.l10n.t('Scope')}: ${md(n.scope)}  \n`);
  for (const c of n.ipam) {
    out.appendMarkdown(`${vscode.l10n.t('Subnet')}: ${md(c.subnet ?? '—')}  \n${vscode.l10n.t('Gateway')}: ${md(poolGateway(n, c, attachedGateways) ?? '—')}  \n`);
  }
  out.appendMarkdown(`${vscode.l10n.t('Internal')}: ${n.internal ? vscode.l10n.t('yes') : vscode.l10n.t('no')}  \n${vscode.l10n.t('Attachable')}: ${n.attachable ? vscode.l10n.t('yes') : vscode.l10n.t('no')}  \n`);
  out.appendMarkdown(`IPv6: ${n.ipv6 ? vscode.l10n.t('yes') : vscode.l10n.t('no')}  \n${vscode.l10n.t('Containers')}: ${attached}  \n`);
  if (n.created) out.appendMarkdown(`${vscode.l10n.t('Created')}: ${formatDate(n.created)}  \n`);
  return out;
}
