// The Engines view: every docker context (DOCKER_CONFIG honoured), DOCKER_HOST, the engines added in
// Dockside's settings and detected Podman sockets, each with its address, whether it answers, its version
// and OS. The CLI's current context and the engine this window shows are marked. Engines are
// probed only while the view is visible, a few at a time, so a slow remote never holds up the others.
import * as vscode from 'vscode';
import type { EngineCandidate, EngineRegistry } from '../../session/engineRegistry';
import type { EngineState } from '../../session/engineState';

export interface EngineNode {
  readonly kind: 'engine';
  /** The registry's engine id (`context:<name>`, `host:<url>`). */
  readonly id: string;
  candidate: EngineCandidate;
}

/** At most this many engines are dialled at once; the rest wait their turn. */
const PROBES_AT_ONCE = 4;

export class EnginesProvider implements vscode.TreeDataProvider<EngineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EngineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<string, EngineNode>();
  private visible = false;
  private probed = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly registry: EngineRegistry) {
    this.subscription = registry.onDidChange(() => this.changed.fire(undefined));
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.changed.fire(undefined);
  }

  /** Dials every listed engine again (the title's Refresh). */
  reprobe(): void {
    this.probed.clear();
    this.changed.fire(undefined);
  }

  async getChildren(node?: EngineNode): Promise<EngineNode[]> {
    if (node) return [];
    const candidates = await this.registry.candidates();
    const next = new Map<string, EngineNode>();
    for (const candidate of candidates) {
      const existing = this.nodes.get(candidate.id);
      const n = existing ?? { kind: 'engine' as const, id: candidate.id, candidate };
      n.candidate = candidate;
      next.set(candidate.id, n);
    }
    this.nodes.clear();
    for (const [id, n] of next) this.nodes.set(id, n);
    if (this.visible) void this.probe(candidates.filter((c) => !this.probed.has(c.id)));
    return [...next.values()];
  }

  /** Connects the sessions of these engines, PROBES_AT_ONCE at a time. */
  private async probe(candidates: EngineCandidate[]): Promise<void> {
    for (const c of candidates) this.probed.add(c.id);
    const queue = [...candidates];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const session = this.sessionFor(c);
        if (session.state.kind !== 'connected') await session.connect().catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PROBES_AT_ONCE, queue.length) }, worker));
  }

  /** The CLI-chosen engine keeps its own session; every other engine gets one from the registry. */
  private sessionFor(c: EngineCandidate) {
    return this.isPrimary(c) ? this.registry.primary : this.registry.session(c);
  }

  private isPrimary(c: EngineCandidate): boolean {
    return this.registry.isPrimary(c);
  }

  getTreeItem(node: EngineNode): vscode.TreeItem {
    const c = node.candidate;
    const primary = this.isPrimary(c);
    const session = primary ? this.registry.primary : this.registry.existing(c.id);
    const state: EngineState | undefined = session?.state;
    const item = new vscode.TreeItem(c.label, vscode.TreeItemCollapsibleState.None);
    item.id = `engine/${c.id}`;
    const pinned = !primary && this.registry.pinned().some((e) => e.id === c.id);
    const marks = [
      c.current ? vscode.l10n.t('current') : undefined,
      primary ? vscode.l10n.t('shown here') : undefined,
      pinned ? vscode.l10n.t('in the explorer') : undefined,
    ].filter(Boolean);
    item.description = [marks.length ? `(${marks.join(', ')})` : undefined, stateText(state, this.visible), c.host].filter(Boolean).join(' · ');
    item.iconPath = stateIcon(state, c.current);
    item.tooltip = tooltip(c, state);
    const flags = [c.kind === 'context' ? 'context' : 'host', c.contextName && c.contextName !== 'default' ? 'removable' : undefined, c.current ? 'current' : undefined, primary ? 'shown' : undefined, pinned ? 'pinned' : undefined];
    item.contextValue = ['engine', ...flags.filter(Boolean)].join('.');
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function stateText(state: EngineState | undefined, visible: boolean): string | undefined {
  if (!state) return visible ? vscode.l10n.t('checking…') : undefined;
  switch (state.kind) {
    case 'connecting':
      return vscode.l10n.t('checking…');
    case 'connected':
      return `${state.version.flavor === 'podman' ? 'Podman' : 'Docker'} ${state.version.version} · ${state.version.os}/${state.version.arch}`;
    case 'failed':
      return vscode.l10n.t('unreachable');
  }
}

function stateIcon(state: EngineState | undefined, current: boolean): vscode.ThemeIcon {
  if (state?.kind === 'failed') return new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (state?.kind === 'connected') return new vscode.ThemeIcon(current ? 'vm-active' : 'vm', new vscode.ThemeColor('testing.iconPassed'));
  return new vscode.ThemeIcon(state?.kind === 'connecting' ? 'loading~spin' : 'vm');
}

function tooltip(c: EngineCandidate, state: EngineState | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${c.label}**\n\n`);
  md.appendText(`${vscode.l10n.t('Address')}: ${c.host}\n`);
  if (c.description) md.appendText(`${c.description}\n`);
  if (state?.kind === 'connected') md.appendText(vscode.l10n.t('Docker {0} (API {1}) on {2}/{3}', state.version.version, state.version.apiVersion, state.version.os, state.version.arch));
  if (state?.kind === 'failed') md.appendText(state.sentence);
  return md;
}
