// What the explorer keeps for ONE engine: its store, the refresh coordinator that feeds it from that
// engine's event stream, and one provider per view over that store. The Explorer (explorer.ts) holds one
// of these per engine shown and puts them under the views (engineRoots.ts).
import * as vscode from 'vscode';
import type { ColdTimeline } from '../coldTimeline';
import type { EngineSession } from '../session/engineSession';
import type { Settings } from '../settings';
import type { ContainerChildSource } from './containers/containerChildren';
import { ContainersProvider } from './containers/containersProvider';
import type { UsageSource } from './containers/containerUsage';
import type { ExplorerProvider } from './explorerProvider';
import type { ExplorerSettings } from './explorerSettings';
import type { ExplorerSnapshots } from './explorerSnapshots';
import { ExplorerStore } from './explorerStore';
import { FirstAsk } from './firstAsk';
import type { FirstRows } from './firstRows';
import { ImagesProvider } from './images/imagesProvider';
import { NetworksProvider } from './networks/networksProvider';
import { RefreshCoordinator } from './refreshCoordinator';
import type { ViewFilter } from './viewFilter';
import { VolumesProvider } from './volumes/volumesProvider';
import { Views } from '../constants';

/** The views that show engine objects (the Engines view lists engines instead). */
export const EXPLORER_VIEW_IDS = [Views.containers, Views.images, Views.networks, Views.volumes] as const;
export type ExplorerViewId = (typeof EXPLORER_VIEW_IDS)[number];

/** What every engine's explorer shares: the settings, the per-view filters, the log. */
export interface SharedExplorerParts {
  readonly engineSettings: Settings;
  readonly settings: ExplorerSettings;
  readonly log: vscode.LogOutputChannel;
  readonly filters: ReadonlyMap<ExplorerViewId, ViewFilter>;
}

export class EngineExplorer implements vscode.Disposable {
  readonly store = new ExplorerStore();
  /** When VS Code first asked one of this engine's views for rows. */
  readonly firstAsk = new FirstAsk();
  readonly coordinator: RefreshCoordinator;
  readonly containers: ContainersProvider;
  readonly providers: ReadonlyMap<ExplorerViewId, ExplorerProvider<{ id: string }>>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly session: EngineSession,
    shared: SharedExplorerParts,
    usage: UsageSource,
    timeline?: ColdTimeline,
    containerChildren: readonly ContainerChildSource[] = [],
    /** False for the primary engine, which the composition root connects after activation. */
    dialOnShow = true,
  ) {
    this.dialled = !dialOnShow;
    this.coordinator = new RefreshCoordinator(session, this.store, shared.log, shared.engineSettings, timeline);
    const services = { session, store: this.store, coordinator: this.coordinator, firstAsk: this.firstAsk };
    const filter = (id: ExplorerViewId) => shared.filters.get(id)!;
    this.containers = new ContainersProvider(services, filter(Views.containers), shared.settings, usage, containerChildren);
    this.providers = new Map<ExplorerViewId, ExplorerProvider<{ id: string }>>([
      [Views.containers, this.containers],
      [Views.images, new ImagesProvider(services, filter(Views.images), shared.settings)],
      [Views.networks, new NetworksProvider(services, filter(Views.networks))],
      [Views.volumes, new VolumesProvider(services, filter(Views.volumes))],
    ]);
    this.disposables.push(...this.providers.values(), this.coordinator);
  }

  /** Whether this engine was dialled for its views (the composition root dials the primary engine itself). */
  private dialled: boolean;

  /** A view of this engine showed or hid: the event stream is open while any shows. */
  setViewVisible(id: ExplorerViewId, visible: boolean): void {
    // A pinned engine is connected the first time one of its views shows, never before.
    if (visible && !this.dialled) {
      this.dialled = true;
      if (this.session.state.kind !== 'connected') void this.session.connect();
    }
    this.coordinator.setViewVisible(id, visible);
    if (id === Views.containers) this.containers.setVisible(visible);
  }

  /**
   * Paints the containers an earlier window saved for this engine while this one connects and reads, or
   * without them the containers of a quick read of a local engine, and saves what the engine shows for the
   * next window (explorerSnapshots.ts). The primary engine's only. True when VS Code's first ask can be
   * answered without the session: the store holds an earlier window's containers, or a quick read is on its way.
   */
  rememberWith(snapshots: ExplorerSnapshots, first: FirstRows): boolean {
    const host = first.host;
    if (first.lastSeen) this.store.seedContainers(first.lastSeen, 'snapshot');
    else if (first.quickRead) {
      this.firstAsk.readingQuickly(
        first.quickRead.then((read) => {
          if (read) this.store.seedContainers(read, 'quickRead');
          // Activated with no view showing (for a Dockerfile, say): nothing will ask, so the connect need not
          // wait the second it gives an ask that does not come; the status bar says connected at once.
          if (!this.coordinator.viewShows) this.firstAsk.needsEngine();
        }),
      );
    }
    this.disposables.push(
      this.store.onDidChange((change) => {
        const state = this.session.state;
        if (change.containers && state.kind === 'connected' && this.store.hasRead && !this.store.provisional) snapshots.saveSoon(state.endpoint.host, () => this.store.all('containers'));
      }),
      // An engine that does not answer shows its welcome view, never the rows it had last time; nor does
      // another engine than the one the rows came from (the settings changed while the window opened).
      this.session.onDidChangeState((state) => {
        const elsewhere = state.kind !== 'failed' && state.endpoint !== undefined && state.endpoint.host !== host;
        if ((state.kind === 'failed' || elsewhere) && this.store.provisional) this.store.clear();
      }),
    );
    return this.store.provisional || this.firstAsk.readsQuickly;
  }

  /** Ties what listens to this engine (the Explorer's badge and descriptions) to its life: gone when it is unpinned. */
  own(...disposables: vscode.Disposable[]): void {
    this.disposables.push(...disposables);
  }

  dispose(): void {
    this.disposables.reverse().forEach((d) => d.dispose());
  }
}
