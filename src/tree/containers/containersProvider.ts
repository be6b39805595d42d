// The Containers view: containers from the explorer store, grouped and sorted as the settings say,
// filtered per workspace. A state change repaints that row (and its group); only moves rebuild the list.
import * as vscode from 'vscode';
import type { ContainerSummary } from '../../models/container';
import { containerGroupContextValue } from '../contextValues';
import { ExplorerProvider, reuse, type ExplorerServices, type Repaint } from '../explorerProvider';
import type { ContainerGrouping, ExplorerSettings } from '../explorerSettings';
import type { StoreChange } from '../explorerStore';
import type { ComposeServiceNode, ContainerGroupNode, ContainerNode, ContainersViewNode } from '../nodes';
import { decorateProjectItem, projectChildren, serviceTreeItem } from './composeGroup';
import type { ViewFilter } from '../viewFilter';
import { containerDescription, containerTooltip, containerTreeItem, stateLabel } from './containerItem';
import type { ContainerChildNode, ContainerChildSource } from './containerChildren';
import { ContainerUsage, type UsageSource } from './containerUsage';
import { advanceStatus } from './statusText';

/** How often rows whose status counts time ("Up 5 minutes") are brought up to date while the view shows. */
const STATUS_TICK_MS = 15_000;
import { compareContainers, compareGroupKeys, groupKeysOf, isRunning, sortKeyOf } from './containerOrder';

const GROUP_ICONS: Record<Exclude<ContainerGrouping, 'none'>, string> = {
  composeProject: 'layers',
  state: 'circle-large-outline',
  image: 'file-binary',
  network: 'type-hierarchy',
};

export class ContainersProvider extends ExplorerProvider<ContainersViewNode> {
  protected override readonly showsSnapshot = true;
  protected override readonly paintsFrom = 'containers';
  private nodes = new Map<string, ContainerNode>();
  private groups = new Map<string, ContainerGroupNode>();
  /** Compose services with several replicas (sub-groups of their project), by node id. */
  private serviceGroups = new Map<string, ComposeServiceNode>();
  /** Container id → the rows showing it (several under network grouping). */
  private rowsByContainer = new Map<string, ContainerNode[]>();
  /** Container ids in the order the view shows them (for choosing whose usage to stream). */
  private order: string[] = [];
  private readonly usage: ContainerUsage;
  /** Per container: the status text the engine last gave, and when it was first seen. */
  private readonly statusSeen = new Map<string, { status: string; at: number }>();
  /** Per container: the status text its row shows now. */
  private readonly statusShown = new Map<string, string>();
  private statusTimer?: NodeJS.Timeout;

  constructor(
    services: ExplorerServices,
    filter: ViewFilter,
    private readonly settings: ExplorerSettings,
    usageSource: UsageSource,
    /** Rows under each container (the Files tree); a container row is collapsible when there are any. */
    private readonly childSources: readonly ContainerChildSource[] = [],
  ) {
    super(services, filter, [settings.onDidChange]);
    for (const source of childSources) this.disposables.push(source.onDidChange((node) => (node ? this.repaintRows([node]) : this.repaintAll())));
    this.usage = new ContainerUsage(usageSource, () => settings.showUsage, (ids) => this.repaintRows(ids.flatMap((id) => this.rowsByContainer.get(id) ?? [])));
    this.disposables.push(this.usage, settings.onDidChange(() => this.usage.settingChanged()), { dispose: () => clearInterval(this.statusTimer) });
  }

  /** Usage streams, and status texts advance, only while the view shows. */
  setVisible(visible: boolean): void {
    this.usage.setVisible(visible);
    clearInterval(this.statusTimer);
    this.statusTimer = visible ? setInterval(() => this.advanceStatuses(), STATUS_TICK_MS) : undefined;
  }

  /** The containers whose usage streams for the view now. */
  get usageWatched(): readonly string[] {
    return this.usage.watched;
  }

  /** The refresh button: a full read of the engine. */
  refresh(): Promise<void> {
    return this.services.coordinator.resync();
  }

  getTreeItem(node: ContainersViewNode): vscode.TreeItem {
    if (node.kind === 'containerChild') return this.sourceOf(node).treeItem(node);
    if (node.kind === 'container') {
      const usage = node.container.state === 'running' ? this.usage.describe(node.container.id) : undefined;
      const description = containerDescription({ ...node.container, status: this.currentStatus(node.container) }, usage);
      const item = containerTreeItem(node.container, node.id, 'container', description);
      if (this.childSources.length) item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
      return item;
    }
    if (node.kind === 'composeService') return serviceTreeItem(node);
    const item = new vscode.TreeItem(node.groupKind === 'state' ? stateLabel(node.key as ContainerSummary['state']) : node.key, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    const running = node.containers.filter(isRunning).length;
    item.description = vscode.l10n.t('{0}/{1} running', running, node.containers.length);
    item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.groupKind], running ? new vscode.ThemeColor('charts.green') : undefined);
    item.contextValue = containerGroupContextValue(node.groupKind);
    if (node.groupKind === 'composeProject') decorateProjectItem(item, node);
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ContainersViewNode): Promise<vscode.TreeItem> {
    if (node.kind !== 'container') return item;
    // The tooltip says what the row says: the status as advanced when the row was last painted.
    const status = this.statusShown.get(node.container.id) ?? this.currentStatus(node.container);
    item.tooltip = await this.tooltipFor({ ...node.container, status });
    return item;
  }

  /** The full tooltip; the summary alone when the inspect call fails (the container may be gone). */
  async tooltipFor(container: ContainerSummary): Promise<vscode.MarkdownString> {
    try {
      const [client, engine] = await Promise.all([this.services.session.client(), this.services.session.engine()]);
      return containerTooltip(container, await engine.fetchContainerDetails(client, container.id));
    } catch {
      return containerTooltip(container);
    }
  }

  protected roots(): ContainersViewNode[] {
    const grouping = this.settings.groupBy;
    const sorted = this.store
      .all('containers')
      .filter((c) => this.matchesContainer(c))
      .sort(compareContainers(this.settings.sortBy));
    const nodes = new Map<string, ContainerNode>();
    const groups = new Map<string, ContainerGroupNode>();
    const rowsByContainer = new Map<string, ContainerNode[]>();
    const members = new Map<string, ContainerSummary[]>();
    const topLevel: ContainerNode[] = [];
    const row = (c: ContainerSummary, id: string) => {
      const node = reuse<ContainerNode>(this.nodes, nodes, id, () => ({ kind: 'container', id, container: c }), (n) => (n.container = c));
      rowsByContainer.set(c.id, [...(rowsByContainer.get(c.id) ?? []), node]);
      return node;
    };
    for (const c of sorted) {
      const keys = groupKeysOf(c, grouping);
      if (keys.length === 0) topLevel.push(row(c, c.id));
      for (const key of keys) members.set(key, [...(members.get(key) ?? []), c]);
    }
    const groupNodes = [...members.keys()].sort(compareGroupKeys(grouping)).map((key) => {
      const id = `group:${grouping}:${key}`;
      const kind = grouping as Exclude<ContainerGrouping, 'none'>;
      const list = members.get(key)!;
      return reuse<ContainerGroupNode>(this.groups, groups, id, () => ({ kind: 'containerGroup', id, groupKind: kind, key, containers: list }), (g) => (g.containers = list));
    });
    // A container in one group keeps its engine id as row id; under network grouping it shows in each.
    for (const group of groupNodes) {
      for (const c of group.containers) row(c, grouping === 'network' ? `${group.id}/${c.id}` : c.id);
    }
    this.nodes = nodes;
    this.groups = groups;
    this.rowsByContainer = rowsByContainer;
    this.order = [...new Set([...groupNodes.flatMap((g) => g.containers.map((c) => c.id)), ...topLevel.map((n) => n.container.id)])];
    this.syncUsage();
    return [...groupNodes, ...topLevel];
  }

  override async getChildren(node?: ContainersViewNode): Promise<ContainersViewNode[]> {
    if (node?.kind === 'containerChild') return this.sourceOf(node).children(node);
    return super.getChildren(node);
  }

  private sourceOf(node: ContainerChildNode): ContainerChildSource {
    return this.childSources.find((s) => s.id === node.source)!;
  }

  protected children(node: ContainersViewNode): ContainersViewNode[] {
    if (node.kind === 'container') return this.childSources.flatMap((s) => s.childrenOfContainer(node));
    if (node.kind === 'composeService') return node.containers.map((c) => this.nodes.get(c.id)).filter((n): n is ContainerNode => !!n);
    if (node.kind !== 'containerGroup') return [];
    if (node.groupKind === 'composeProject') {
      return projectChildren(node, (c) => this.nodes.get(c.id), (id, service, containers) => {
        const existing = this.serviceGroups.get(id);
        if (existing) {
          existing.containers = containers;
          return existing;
        }
        const created: ComposeServiceNode = { kind: 'composeService', id, project: node.key, service, containers };
        this.serviceGroups.set(id, created);
        return created;
      });
    }
    const grouping = this.settings.groupBy;
    return node.containers.map((c) => this.nodes.get(grouping === 'network' ? `${node.id}/${c.id}` : c.id)).filter((n): n is ContainerNode => !!n);
  }

  protected repaintFor(change: StoreChange): Repaint<ContainersViewNode> {
    const diff = change.containers;
    if (!diff) return undefined;
    if (diff.added.some((c) => this.matchesContainer(c)) || diff.removed.some((c) => this.rowsByContainer.has(c.id))) return 'all';
    const grouping = this.settings.groupBy;
    const sorting = this.settings.sortBy;
    const repaint: ContainersViewNode[] = [];
    for (const { before, after } of diff.changed) {
      const rows = this.rowsByContainer.get(after.id);
      const moved =
        groupKeysOf(before, grouping).join('\n') !== groupKeysOf(after, grouping).join('\n') ||
        sortKeyOf(before, sorting) !== sortKeyOf(after, sorting) ||
        this.matchesContainer(after) !== !!rows;
      if (moved) return 'all';
      for (const node of rows ?? []) {
        node.container = after;
        repaint.push(node);
      }
      for (const key of groupKeysOf(after, grouping)) {
        const group = this.groups.get(`group:${grouping}:${key}`);
        if (!group) continue;
        group.containers = group.containers.map((c) => (c.id === after.id ? after : c));
        repaint.push(group);
      }
      for (const serviceGroup of this.serviceGroups.values()) {
        if (!serviceGroup.containers.some((c) => c.id === after.id)) continue;
        serviceGroup.containers = serviceGroup.containers.map((c) => (c.id === after.id ? after : c));
        repaint.push(serviceGroup);
      }
    }
    // A start or a stop changes whose usage streams, without moving rows.
    this.syncUsage();
    return repaint;
  }

  /** The engine's status text, advanced by the time since it was read (no engine request). */
  private currentStatus(c: ContainerSummary): string {
    const now = Date.now();
    let seen = this.statusSeen.get(c.id);
    if (seen?.status !== c.status) this.statusSeen.set(c.id, (seen = { status: c.status, at: now }));
    const status = advanceStatus(c.status, now - seen.at);
    this.statusShown.set(c.id, status);
    return status;
  }

  /** Repaints the rows whose status text has moved on (e.g. "Up 59 seconds" → "Up About a minute"). */
  private advanceStatuses(): void {
    const stale: ContainerNode[] = [];
    for (const [id, rows] of this.rowsByContainer) {
      const container = rows[0]?.container;
      const seen = this.statusSeen.get(id);
      if (!container || !seen || seen.status !== container.status) continue;
      if (advanceStatus(seen.status, Date.now() - seen.at) !== this.statusShown.get(id)) stale.push(...rows);
    }
    for (const id of this.statusSeen.keys()) {
      if (this.rowsByContainer.has(id)) continue;
      this.statusSeen.delete(id);
      this.statusShown.delete(id);
    }
    this.repaintRows(stale);
  }

  private syncUsage(): void {
    this.usage.setRunning(this.order.filter((id) => {
      const container = this.rowsByContainer.get(id)?.[0]?.container;
      return container && isRunning(container);
    }));
  }

  private matchesContainer(c: ContainerSummary): boolean {
    return this.matches(c.name, containerDescription(c), c.composeProject, stateLabel(c.state));
  }
}
