// The explorer: the four Dockside views over every engine shown (the primary one, plus the engines the user
// pinned in this workspace), one EngineExplorer (store + refresh coordinator + providers) per engine. Built
// once by the composition root; commands reach the views, and the engine a row belongs to, through it.
import * as vscode from 'vscode';
import type { ColdTimeline } from '../coldTimeline';
import { Views } from '../constants';
import type { EngineRegistry } from '../session/engineRegistry';
import type { EngineSession } from '../session/engineSession';
import type { Settings } from '../settings';
import type { ContainerChildSource } from './containers/containerChildren';
import type { ContainersProvider } from './containers/containersProvider';
import type { UsageSource } from './containers/containerUsage';
import { isRunning } from './containers/containerOrder';
import { EngineExplorer, EXPLORER_VIEW_IDS, type ExplorerViewId, type SharedExplorerParts } from './engineExplorer';
import { EngineRootsProvider } from './engineRoots';
import { watchEngineSources } from './engineSourceWatcher';
import type { ExplorerSnapshots } from './explorerSnapshots';
import type { FirstRows } from './firstRows';
import type { ExplorerStore, StoreKind } from './explorerStore';
import { ExplorerSettings } from './explorerSettings';
import type { RefreshCoordinator } from './refreshCoordinator';
import { ViewFilter } from './viewFilter';

export const ExplorerViews = Views;
export type { ExplorerViewId };

/** What each engine's explorer gets from the composition root besides the shared parts. */
export interface EngineExplorerParts {
  /** Live usage of this engine's containers (the stats service of its terminals). */
  readonly usage: UsageSource;
  /** What hangs under this engine's container rows (the Files tree). */
  readonly containerChildren?: readonly ContainerChildSource[];
}

export class Explorer implements vscode.Disposable {
  readonly settings = new ExplorerSettings();
  private readonly filters = new Map<ExplorerViewId, ViewFilter>();
  private readonly engines = new Map<string, EngineExplorer>();
  private readonly views = new Map<ExplorerViewId, { provider: EngineRootsProvider; view: vscode.TreeView<unknown>; filter: ViewFilter }>();
  private readonly visibleViews = new Set<ExplorerViewId>();
  private readonly shared: SharedExplorerParts;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly registry: EngineRegistry,
    engineSettings: Settings,
    log: vscode.LogOutputChannel,
    workspaceState: vscode.Memento,
    private readonly partsFor: (session: EngineSession) => EngineExplorerParts,
    private readonly timeline?: ColdTimeline,
    /** Drops onto container rows (the Files tree). */
    containersDragAndDrop?: vscode.TreeDragAndDropController<unknown>,
  ) {
    for (const id of EXPLORER_VIEW_IDS) this.filters.set(id, new ViewFilter(id, workspaceState));
    this.shared = { engineSettings, settings: this.settings, log, filters: this.filters };
    this.syncEngines();
    for (const id of this.filters.keys()) this.createView(id, id === Views.containers ? containersDragAndDrop : undefined);
    this.disposables.push(
      this.settings,
      ...this.filters.values(),
      registry.onDidChange(() => this.syncEngines()),
      watchEngineSources(registry.primary, engineSettings, log),
      this.primary.coordinator.warmUp(),
    );
    this.describeViews();
  }

  /** The primary engine's explorer (the one shown when only one is). */
  get primary(): EngineExplorer {
    return this.engines.get(this.registry.primary.id)!;
  }

  /** Kept for callers that know one engine: the primary's store, coordinator and containers provider. */
  get store(): ExplorerStore {
    return this.primary.store;
  }

  get coordinator(): RefreshCoordinator {
    return this.primary.coordinator;
  }

  get containers(): ContainersProvider {
    return this.primary.containers;
  }

  /** Every engine shown, the primary first. */
  get shown(): readonly EngineExplorer[] {
    return [...this.engines.values()];
  }

  /** The tree view and filter of a view id (commands take the view from their menu context). */
  view(id: ExplorerViewId): { provider: { filter: ViewFilter }; view: vscode.TreeView<unknown> } {
    const v = this.views.get(id)!;
    return { provider: { filter: v.filter }, view: v.view };
  }

  /** The session of the engine a row (of any explorer view) belongs to. */
  engineOf(node: unknown): EngineSession | undefined {
    for (const { provider } of this.views.values()) {
      const explorer = provider.engineOf(node);
      if (explorer) return explorer.session;
    }
    return undefined;
  }

  /**
   * The primary engine's containers are saved for the next window, which paints them while it connects.
   * True when this window has an earlier one's to paint, or a quick read of a local engine's on its way.
   */
  rememberPrimary(snapshots: ExplorerSnapshots, first: FirstRows): boolean {
    return this.primary.rememberWith(snapshots, first);
  }

  /** A full read of every engine shown (the refresh buttons); with `only`, settles once that kind is read. */
  async resync(only?: StoreKind): Promise<void> {
    await Promise.all(this.shown.map((e) => e.coordinator.resync(only)));
  }

  /** A full read of each engine shown whose event stream is not open: nothing else would tell it of a change. */
  async resyncUnwatched(): Promise<void> {
    await Promise.all(this.shown.filter((e) => !e.coordinator.streaming).map((e) => e.coordinator.resync()));
  }

  /** Builds an explorer for each engine newly shown and disposes those no longer shown. */
  private syncEngines(): void {
    const sessions = this.registry.shown();
    const ids = new Set(sessions.map((s) => s.id));
    let changed = false;
    for (const [id, explorer] of this.engines) {
      if (ids.has(id) && explorer.session === sessions.find((s) => s.id === id)) continue;
      explorer.dispose();
      this.engines.delete(id);
      changed = true;
    }
    for (const session of sessions) {
      if (this.engines.has(session.id)) continue;
      const parts = this.partsFor(session);
      const primary = session === this.registry.primary;
      const explorer = new EngineExplorer(session, this.shared, parts.usage, primary ? this.timeline : undefined, parts.containerChildren, !primary);
      this.engines.set(session.id, explorer);
      explorer.own(session.onDidChangeState(() => this.describeViews()), explorer.store.onDidChange((change) => change.containers && this.updateBadge()));
      for (const view of this.visibleViews) explorer.setViewVisible(view, true);
      changed = true;
    }
    if (!changed) return;
    // Keep the registry's order (primary first, then pins) whatever order the map was filled in.
    const ordered = sessions.map((s) => this.engines.get(s.id)!);
    this.engines.clear();
    for (const e of ordered) this.engines.set(e.session.id, e);
    for (const { provider } of this.views.values()) provider.setEngines(ordered);
    this.describeViews();
  }

  private createView(id: ExplorerViewId, dragAndDropController?: vscode.TreeDragAndDropController<unknown>): void {
    const provider = new EngineRootsProvider(id, (session) => this.registry.labelOf(session));
    provider.setEngines(this.shown);
    const filter = this.filters.get(id)!;
    const view = vscode.window.createTreeView(id, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true, dragAndDropController });
    this.views.set(id, { provider, view, filter });
    this.disposables.push(
      provider,
      view,
      view.onDidChangeVisibility((e) => this.setViewVisible(id, e.visible)),
      filter.onDidChange(() => this.describeViews()),
    );
    if (view.visible) this.setViewVisible(id, true);
  }

  private setViewVisible(id: ExplorerViewId, visible: boolean): void {
    if (visible) this.visibleViews.add(id);
    else this.visibleViews.delete(id);
    for (const explorer of this.shown) explorer.setViewVisible(id, visible);
  }

  /** The filter when one is set, else (Containers, one engine) which engine is shown. */
  private describeViews(): void {
    for (const [id, { view, filter }] of this.views) {
      const engineLabel = this.engines.size === 1 ? this.registry.primary.state.endpoint?.label : vscode.l10n.t('{0} engines', this.engines.size);
      view.description = filter.text ? vscode.l10n.t('filter: {0}', filter.text) : id === Views.containers ? engineLabel : undefined;
    }
    this.updateBadge();
  }

  private updateBadge(): void {
    const view = this.views.get(Views.containers)?.view;
    if (!view) return;
    const running = this.shown.reduce((sum, e) => sum + (e.session.state.kind === 'connected' ? e.store.all('containers').filter(isRunning).length : 0), 0);
    const tooltip = running === 1 ? vscode.l10n.t('1 running container') : vscode.l10n.t('{0} running containers', running);
    view.badge = running ? { value: running, tooltip } : undefined;
    // Rows an earlier window saved say so until the engine's own read replaces them.
    const message = this.shown.some((e) => e.store.lastSeen) ? vscode.l10n.t('Containers as last seen; reading the engine…') : undefined;
    if (view.message !== message) view.message = message;
  }

  dispose(): void {
    this.engines.forEach((e) => e.dispose());
    this.disposables.reverse().forEach((d) => d.dispose());
  }
}
