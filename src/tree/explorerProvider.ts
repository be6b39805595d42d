// What the four explorer views share: rows only while an engine answers (otherwise the welcome content
// shows), the first paint waits for the first full read, a per-workspace filter, and repaints limited to
// the rows a store change touched.
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';
import type { ExplorerStore, StoreChange, StoreKind } from './explorerStore';
import type { FirstAsk } from './firstAsk';
import type { RefreshCoordinator } from './refreshCoordinator';
import type { ViewFilter } from './viewFilter';

/**
 * How long the first ask for rows waits for the engine to answer before the view shows its "connecting"
 * welcome instead (a remote engine over ssh can take seconds).
 */
const CONNECT_WAIT_MS = 2000;

/** What a store change means for a view: nothing, these rows, or the whole view. */
export type Repaint<N> = readonly N[] | 'all' | undefined;

export interface ExplorerServices {
  readonly session: EngineSession;
  readonly store: ExplorerStore;
  readonly coordinator: RefreshCoordinator;
  readonly firstAsk?: FirstAsk;
}

export abstract class ExplorerProvider<N extends { readonly id: string }> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<N | N[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  protected readonly disposables: vscode.Disposable[] = [];
  protected readonly store: ExplorerStore;

  /** `repaintOn`: more events that change every row (e.g. the grouping setting). */
  constructor(
    protected readonly services: ExplorerServices,
    readonly filter: ViewFilter,
    repaintOn: readonly vscode.Event<unknown>[] = [],
  ) {
    this.store = services.store;
    this.disposables.push(
      services.session.onDidChangeState(() => this.repaintAll()),
      filter.onDidChange(() => this.repaintAll()),
      services.store.onDidChange((change) => this.onStoreChange(change)),
      ...repaintOn.map((event) => event(() => this.repaintAll())),
    );
  }

  /** Whether this view's rows come from the snapshot a store is seeded with (the Containers view's do). */
  protected readonly showsSnapshot: boolean = false;
  /** The one kind this view's rows need read before the first paint (none: every kind). */
  protected readonly paintsFrom?: StoreKind;

  /**
   * Root asks VS Code is waiting on: they read the store when they answer, so a change meanwhile needs no
   * repaint of its own (one would make VS Code throw the answer away and ask again, up to 200 ms later).
   */
  private rootsAsked = 0;
  /**
   * Whether VS Code asked for this view's rows yet. Until it has, nothing is shown to repaint, and a repaint
   * would only start VS Code's 200 ms hold-back for the next one: the first rows would wait behind it.
   */
  private everAsked = false;

  abstract getTreeItem(node: N): vscode.TreeItem;
  protected abstract roots(): N[];
  protected abstract children(node: N): N[];
  protected abstract repaintFor(change: StoreChange): Repaint<N>;

  async getChildren(node?: N): Promise<N[]> {
    if (node) return this.children(node);
    this.everAsked = true;
    this.services.coordinator.timeline?.mark('rows first asked for');
    // An earlier window's containers show while this one connects and reads (explorerSnapshots.ts), or
    // without them a quick read's (engine/quickContainerList.ts); an engine that fails shows its welcome view
    // as always (the explorer drops these rows then).
    const quickRead = this.showsSnapshot ? this.services.firstAsk?.quickRead() : undefined;
    if (quickRead) await quickRead;
    if (this.showsSnapshot && this.store.provisional && this.services.session.state.kind !== 'failed') {
      this.services.coordinator.timeline?.mark('last known rows returned');
      this.services.firstAsk?.answeredFromSnapshot();
      return this.roots();
    }
    this.services.firstAsk?.needsEngine();
    this.rootsAsked++;
    try {
      // The first ask comes while the engine is being dialled: answer it once connected and read, rather
      // than with no rows and a repaint later. VS Code holds a repaint back up to 200 ms behind the one
      // before it, and that wait was most of the time between the first read and the first painted row.
      await this.services.session.settled(CONNECT_WAIT_MS);
      if (this.services.session.state.kind !== 'connected') return [];
      this.services.coordinator.timeline?.mark('rows asked for, engine connected');
      await this.services.coordinator.ready(this.paintsFrom);
      if (this.services.session.state.kind !== 'connected') return [];
      const roots = this.roots();
      if (roots.length) this.services.coordinator.timeline?.mark('first rows returned');
      return roots;
    } finally {
      this.rootsAsked--;
    }
  }

  /**
   * VS Code shows something in this view's place (an engine's message row while it does not answer):
   * repaints count from now.
   */
  noteShown(): void {
    this.everAsked = true;
  }

  /** Whether a repaint now would change what VS Code shows (see rootsAsked and everAsked). */
  private get repaintShows(): boolean {
    return this.everAsked && this.rootsAsked === 0;
  }

  repaintAll(): void {
    if (this.repaintShows) this.changed.fire(undefined);
  }

  /** Case-insensitive match of the filter text against any of the texts a row shows. */
  protected matches(...texts: (string | undefined)[]): boolean {
    const needle = this.filter.text.toLowerCase();
    return !needle || texts.some((t) => t?.toLowerCase().includes(needle));
  }

  /** Repaints these rows only (each once). */
  protected repaintRows(rows: readonly N[]): void {
    if (rows.length && this.repaintShows) this.changed.fire([...new Set(rows)]);
  }

  private onStoreChange(change: StoreChange): void {
    const repaint = this.repaintFor(change);
    if (repaint === 'all') this.repaintAll();
    else if (repaint) this.repaintRows(repaint);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
  }
}

/** Reuses the node object kept for an id (VS Code repaints a row by its element), updating its model. */
export function reuse<N extends { readonly id: string }>(cache: Map<string, N>, next: Map<string, N>, id: string, create: () => N, update: (node: N) => void): N {
  const existing = cache.get(id);
  const node = existing ?? create();
  if (existing) update(existing);
  next.set(id, node);
  return node;
}

/** The child rows of one parent, as read now, reusing the node objects shown last time for the same ids. */
export function refreshChildren<N extends { readonly id: string }>(cache: Map<string, N>, parentId: string, fresh: readonly N[]): N[] {
  const ids = new Set(fresh.map((n) => n.id));
  for (const id of cache.keys()) if (id.startsWith(`${parentId}/`) && !ids.has(id)) cache.delete(id);
  return fresh.map((n) => {
    const existing = cache.get(n.id);
    if (existing) return Object.assign(existing, n);
    cache.set(n.id, n);
    return n;
  });
}
