// One explorer view over every engine shown. With one engine the view is exactly that engine's provider
// (rows at the top, the welcome content when it does not answer). With several, each engine is a root
// row, labelled, saying its state (connected, connecting, unreachable with the reason); its children are
// what its own provider shows. Rows keep their provider's node objects; which engine a row belongs to is
// remembered here, so commands act on that engine (engineOf).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { EngineSession } from '../session/engineSession';
import type { EngineState } from '../session/engineState';
import type { EngineExplorer, ExplorerViewId } from './engineExplorer';
import type { ExplorerProvider } from './explorerProvider';

/** An engine's root row, shown when several engines are. */
export interface EngineRootNode {
  readonly kind: 'engineRoot';
  readonly id: string;
  readonly engineId: string;
}

/** The one row under an engine root that does not answer: why, and a retry on click. */
export interface EngineMessageNode {
  readonly kind: 'engineMessage';
  readonly id: string;
  readonly engineId: string;
}

type Node = EngineRootNode | EngineMessageNode | { readonly id: string };

export class EngineRootsProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | Node[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Row object → the engine explorer that made it. */
  private owners = new WeakMap<object, EngineExplorer>();
  private readonly roots = new Map<string, EngineRootNode>();
  private readonly messages = new Map<string, EngineMessageNode>();
  private explorers: readonly EngineExplorer[] = [];
  private subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly viewId: ExplorerViewId,
    private readonly labelOf: (session: EngineSession) => string,
  ) {}

  /** The engines shown changed: the view is rebuilt (one engine: flat as before; several: one root each). */
  setEngines(explorers: readonly EngineExplorer[]): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.explorers = explorers;
    this.subscriptions = explorers.flatMap((e) => [
      this.provider(e).onDidChangeTreeData((rows) => this.forward(e, rows)),
      // The root row says the engine's state. Its provider repaints nothing before VS Code has asked it for
      // rows, and an engine can connect between VS Code reading the root row and asking for its children.
      e.session.onDidChangeState(() => this.several && this.changed.fire(this.rootOf(e))),
    ]);
    for (const id of [...this.roots.keys()]) if (!explorers.some((e) => e.session.id === id)) this.roots.delete(id);
    this.changed.fire(undefined);
  }

  /** The provider of the view for the one engine shown, or undefined when several are. */
  get single(): ExplorerProvider<{ id: string }> | undefined {
    return this.explorers.length === 1 ? this.provider(this.explorers[0]) : undefined;
  }

  get several(): boolean {
    return this.explorers.length > 1;
  }

  /** The engine a row of this view belongs to (the root rows and their children included). */
  engineOf(node: unknown): EngineExplorer | undefined {
    if (!node || typeof node !== 'object') return undefined;
    const kind = (node as { kind?: string }).kind;
    if (kind === 'engineRoot' || kind === 'engineMessage') return this.explorers.find((e) => e.session.id === (node as EngineRootNode).engineId);
    return this.owners.get(node);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      if (this.explorers.length === 1) return this.claim(this.explorers[0], await this.provider(this.explorers[0]).getChildren());
      return this.explorers.map((e) => this.rootOf(e));
    }
    const explorer = this.engineOf(node);
    if (!explorer) return [];
    if (isRoot(node)) {
      if (explorer.session.state.kind !== 'connected') {
        // The engine's rows come when it connects: its provider's repaint must then reach this root.
        this.provider(explorer).noteShown();
        return [this.messageOf(explorer)];
      }
      return this.claim(explorer, await this.provider(explorer).getChildren());
    }
    if (isMessage(node)) return [];
    return this.claim(explorer, await this.provider(explorer).getChildren(node as { id: string }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const explorer = this.engineOf(node);
    if (!explorer) return new vscode.TreeItem('');
    if (isRoot(node)) return rootItem(node, explorer.session, this.labelOf(explorer.session));
    if (isMessage(node)) return messageItem(node, explorer.session.state);
    const item = this.provider(explorer).getTreeItem(node as { id: string });
    // Two engines can hold the same ids (an image pulled on both): row ids are unique per engine.
    if (this.several && item.id) item.id = `${explorer.session.id}/${item.id}`;
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: Node, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    const explorer = this.engineOf(node);
    if (!explorer || isRoot(node) || isMessage(node)) return item;
    const provider = this.provider(explorer) as vscode.TreeDataProvider<{ id: string }>;
    return provider.resolveTreeItem ? provider.resolveTreeItem(item, node as { id: string }, token) : item;
  }

  private provider(explorer: EngineExplorer): ExplorerProvider<{ id: string }> {
    return explorer.providers.get(this.viewId)!;
  }

  /** A provider repainted: the same rows here; "everything" of one engine is its root when several show. */
  private forward(explorer: EngineExplorer, rows: unknown): void {
    if (!this.several) return this.changed.fire(rows as Node | Node[] | undefined);
    this.changed.fire(rows === undefined ? this.rootOf(explorer) : (rows as Node | Node[]));
  }

  private claim(explorer: EngineExplorer, rows: readonly { id: string }[]): Node[] {
    for (const row of rows) this.owners.set(row, explorer);
    return [...rows];
  }

  private rootOf(explorer: EngineExplorer): EngineRootNode {
    const engineId = explorer.session.id;
    let root = this.roots.get(engineId);
    if (!root) {
      root = { kind: 'engineRoot', id: `engine:${engineId}`, engineId };
      this.roots.set(engineId, root);
    }
    return root;
  }

  private messageOf(explorer: EngineExplorer): EngineMessageNode {
    const engineId = explorer.session.id;
    let message = this.messages.get(engineId);
    if (!message) {
      message = { kind: 'engineMessage', id: `engine:${engineId}/state`, engineId };
      this.messages.set(engineId, message);
    }
    return message;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
    this.owners = new WeakMap();
  }
}

function isRoot(node: unknown): node is EngineRootNode {
  return (node as { kind?: string }).kind === 'engineRoot';
}

function isMessage(node: unknown): node is EngineMessageNode {
  return (node as { kind?: string }).kind === 'engineMessage';
}

function rootItem(node: EngineRootNode, session: EngineSession, label: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  const state = session.state;
  item.description = stateWords(state);
  item.tooltip = state.kind === 'failed' ? state.sentence : state.endpoint?.host;
  item.iconPath = new vscode.ThemeIcon(
    state.kind === 'failed' ? 'vm-outline' : state.kind === 'connected' ? 'vm-active' : 'vm-connect',
    state.kind === 'failed' ? new vscode.ThemeColor('problemsWarningIcon.foreground') : state.kind === 'connected' ? new vscode.ThemeColor('testing.iconPassed') : undefined,
  );
  item.contextValue = `engineRoot.${state.kind}${session.id === 'default' ? '.primary' : '.pinned'}`;
  return item;
}

function messageItem(node: EngineMessageNode, state: EngineState): vscode.TreeItem {
  const item = new vscode.TreeItem(state.kind === 'failed' ? state.sentence : vscode.l10n.t('Connecting to the engine…'), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(state.kind === 'failed' ? 'warning' : 'loading~spin');
  item.tooltip = state.kind === 'failed' ? state.sentence : undefined;
  item.contextValue = 'engineMessage';
  if (state.kind === 'failed') item.command = { command: Commands.retryEngine, title: vscode.l10n.t('Retry'), arguments: [node] };
  return item;
}

/** What an engine root says after its name. */
export function stateWords(state: EngineState): string {
  switch (state.kind) {
    case 'connected':
      return `${state.version.flavor === 'podman' ? 'Podman' : 'Docker'} ${state.version.version}`;
    case 'connecting':
      return vscode.l10n.t('connecting…');
    case 'failed':
      // The row below says why; here only whether waiting may help (it is down) or the user must act.
      return state.code === 'unreachable' || state.code === 'timeout' ? vscode.l10n.t('unreachable') : vscode.l10n.t('not connected');
  }
}
