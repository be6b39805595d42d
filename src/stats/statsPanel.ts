// The stats view: a webview with rolling five-minute charts per container. Streams run only while the panel
// is visible; the page draws with the theme's colours and loads nothing but its own two files.
import * as vscode from 'vscode';
import { pageResourceRoots, webviewPage } from '../webview/webviewPage';
import type { ContainerSummary } from '../models/container';
import type { StatsService } from './statsService';

export class StatsPanel implements vscode.Disposable {
  /** One panel per engine: its containers' stats come from that engine's stats service. */
  private static readonly current = new Map<StatsService, StatsPanel>();
  private readonly panel: vscode.WebviewPanel;
  private containers = new Map<string, string>();
  private watches: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  /** Shows the panel (one for the window) with `containers` added to it. */
  static show(extensionUri: vscode.Uri, stats: StatsService, containers: readonly ContainerSummary[]): StatsPanel {
    let panel = StatsPanel.current.get(stats);
    if (!panel) {
      panel = new StatsPanel(extensionUri, stats);
      StatsPanel.current.set(stats, panel);
    }
    panel.add(containers);
    panel.panel.reveal(undefined, false);
    return panel;
  }

  private constructor(
    extensionUri: vscode.Uri,
    private readonly stats: StatsService,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media', 'stats');
    this.panel = vscode.window.createWebviewPanel('dockside.stats', stats.titled(vscode.l10n.t('Container Stats')), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: pageResourceRoots(media),
      retainContextWhenHidden: false,
    });
    this.panel.webview.html = this.html(media);
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.onDidChangeViewState(() => this.followVisibility()),
      this.panel.webview.onDidReceiveMessage((m: { type?: string; id?: string }) => {
        if (m.type === 'ready') this.sendAll();
        if (m.type === 'remove' && m.id) this.remove(m.id);
      }),
      stats.onDidChange((id) => this.sendLatest(id)),
    );
  }

  /** The containers shown, by id → name (for tests and the title). */
  get shown(): ReadonlyMap<string, string> {
    return this.containers;
  }

  private add(containers: readonly ContainerSummary[]): void {
    for (const c of containers) this.containers.set(c.id, c.name);
    this.retitle();
    this.followVisibility(true);
    this.sendAll();
  }

  private remove(id: string): void {
    this.containers.delete(id);
    this.retitle();
    this.followVisibility(true);
  }

  /** The tab names what it shows: "Stats: web", "Stats: web, db", "Stats: 5 containers". */
  private retitle(): void {
    const names = [...this.containers.values()];
    this.panel.title = names.length === 0 ? vscode.l10n.t('Container Stats')
      : names.length <= 2 ? vscode.l10n.t('Stats: {0}', names.join(', '))
      : vscode.l10n.t('Stats: {0} containers', names.length);
  }

  /** Watching costs an engine stream per container: only while the panel is on screen. */
  private followVisibility(force = false): void {
    const visible = this.panel.visible;
    if (!force && visible === this.watches.length > 0) return;
    this.watches.forEach((w) => w.dispose());
    this.watches = visible ? [...this.containers.keys()].map((id) => this.stats.watch(id)) : [];
    if (visible) this.sendAll();
  }

  private sendAll(): void {
    const containers = [...this.containers].map(([id, name]) => ({ id, name, history: this.stats.history(id) }));
    void this.panel.webview.postMessage({ type: 'containers', containers, labels: labels() });
  }

  private sendLatest(id: string): void {
    if (!this.containers.has(id) || !this.panel.visible) return;
    void this.panel.webview.postMessage({ type: 'sample', id, sample: this.stats.latest(id) });
  }

  private html(media: vscode.Uri): string {
    return webviewPage(this.panel.webview, {
      title: vscode.l10n.t('Container Stats'),
      media,
      stylesheet: 'stats.css',
      script: 'stats.js',
      body: () => `<main id="containers"><p class="empty">${vscode.l10n.t('Waiting for the first samples…')}</p></main>`,
    });
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (StatsPanel.current.get(this.stats) === this) StatsPanel.current.delete(this.stats);
    this.watches.forEach((w) => w.dispose());
    this.watches = [];
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

/** The page's words, in the display language. */
function labels(): Record<string, string> {
  return {
    cpu: vscode.l10n.t('CPU'),
    memory: vscode.l10n.t('Memory'),
    network: vscode.l10n.t('Network I/O'),
    block: vscode.l10n.t('Block I/O'),
    received: vscode.l10n.t('received'),
    sent: vscode.l10n.t('sent'),
    read: vscode.l10n.t('read'),
    written: vscode.l10n.t('written'),
    of: vscode.l10n.t('of'),
    stopped: vscode.l10n.t('No samples: the container is not running.'),
    remove: vscode.l10n.t('Remove from view'),
    lastFiveMinutes: vscode.l10n.t('last 5 minutes'),
  };
}
