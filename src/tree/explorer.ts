// The explorer: the four Dockside views over one store, kept fresh by one refresh coordinator. Built once by
// the composition root; commands reach the views through it.
import * as vscode from 'vscode';
import type { ColdTimeline } from '../coldTimeline';
import { Views } from '../constants';
import type { EngineSession } from '../session/engineSession';
import type { EngineState } from '../session/engineState';
import type { Settings } from '../settings';
import type { ContainerChildSource } from './containers/containerChildren';
import { ContainersProvider } from './containers/containersProvider';
import type { UsageSource } from './containers/containerUsage';
import { isRunning } from './containers/containerOrder';
import { watchEngineSources } from './engineSourceWatcher';
import type { ExplorerProvider } from './explorerProvider';
import { ExplorerSettings } from './explorerSettings';
import { ExplorerStore } from './explorerStore';
import { ImagesProvider } from './images/imagesProvider';
import { NetworksProvider } from './networks/networksProvider';
import { RefreshCoordinator } from './refreshCoordinator';
import { ViewFilter } from './viewFilter';
import { VolumesProvider } from './volumes/volumesProvider';

export const ExplorerViews = Views;

export type ExplorerViewId = (typeof ExplorerViews)[keyof typeof ExplorerViews];

export class Explorer implements vscode.Disposable {
  readonly store = new ExplorerStore();
  readonly settings = new ExplorerSettings();
  readonly coordinator: RefreshCoordinator;
  readonly containers: ContainersProvider;
  readonly images: ImagesProvider;
  readonly networks: NetworksProvider;
  readonly volumes: VolumesProvider;
  private readonly views = new Map<ExplorerViewId, { provider: ExplorerProvider<{ id: string }>; view: vscode.TreeView<unknown> }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly session: EngineSession,
    engineSettings: Settings,
    log: vscode.LogOutputChannel,
    workspaceState: vscode.Memento,
    usage: UsageSource,
    timeline?: ColdTimeline,
    /** What other features hang under container rows (the Files tree), and drops onto them. */
    extensions: { containerChildren?: readonly ContainerChildSource[]; containersDragAndDrop?: vscode.TreeDragAndDropController<unknown> } = {},
  ) {
    this.coordinator = new RefreshCoordinator(session, this.store, log, engineSettings, timeline);
    const services = { session, store: this.store, coordinator: this.coordinator };
    const filter = (id: ExplorerViewId) => this.track(new ViewFilter(id, workspaceState));
    this.containers = this.track(new ContainersProvider(services, filter(ExplorerViews.containers), this.settings, usage, extensions.containerChildren));
    this.images = this.track(new ImagesProvider(services, filter(ExplorerViews.images), this.settings));
    this.networks = this.track(new NetworksProvider(services, filter(ExplorerViews.networks)));
    this.volumes = this.track(new VolumesProvider(services, filter(ExplorerViews.volumes)));
    const providers: [ExplorerViewId, ExplorerProvider<{ id: string }>][] = [
      [ExplorerViews.containers, this.containers],
      [ExplorerViews.images, this.images],
      [ExplorerViews.networks, this.networks],
      [ExplorerViews.volumes, this.volumes],
    ];
    for (const [id, provider] of providers) this.createView(id, provider, id === ExplorerViews.containers ? extensions.containersDragAndDrop : undefined);
    this.disposables.push(
      this.settings,
      this.coordinator,
      session.onDidChangeState(() => this.describeViews()),
      this.store.onDidChange((change) => change.containers && this.updateBadge()),
      watchEngineSources(session, engineSettings, log),
      this.coordinator.warmUp(),
    );
    this.describeViews();
  }

  /** The provider and tree view of a view id (commands take the view from their menu context). */
  view(id: ExplorerViewId): { provider: ExplorerProvider<{ id: string }>; view: vscode.TreeView<unknown> } {
    return this.views.get(id)!;
  }

  private createView(id: ExplorerViewId, provider: ExplorerProvider<{ id: string }>, dragAndDropController?: vscode.TreeDragAndDropController<unknown>): void {
    const view = vscode.window.createTreeView(id, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true, dragAndDropController });
    this.views.set(id, { provider, view });
    this.disposables.push(
      view,
      view.onDidChangeVisibility((e) => this.setViewVisible(id, e.visible)),
      provider.filter.onDidChange(() => this.describeViews()),
    );
    if (view.visible) this.setViewVisible(id, true);
  }

  private setViewVisible(id: ExplorerViewId, visible: boolean): void {
    this.coordinator.setViewVisible(id, visible);
    if (id === ExplorerViews.containers) this.containers.setVisible(visible);
  }

  /** The filter when one is set, else (Containers) which engine is shown. */
  private describeViews(): void {
    const state: EngineState = this.session.state;
    for (const [id, { provider, view }] of this.views) {
      const filter = provider.filter.text;
      view.description = filter ? vscode.l10n.t('filter: {0}', filter) : id === ExplorerViews.containers ? state.endpoint?.label : undefined;
    }
    this.updateBadge();
  }

  private updateBadge(): void {
    const view = this.views.get(ExplorerViews.containers)?.view;
    if (!view) return;
    const running = this.session.state.kind === 'connected' ? this.store.all('containers').filter(isRunning).length : 0;
    const tooltip = running === 1 ? vscode.l10n.t('1 running container') : vscode.l10n.t('{0} running containers', running);
    view.badge = running ? { value: running, tooltip } : undefined;
  }

  private track<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  dispose(): void {
    this.disposables.reverse().forEach((d) => d.dispose());
  }
}
