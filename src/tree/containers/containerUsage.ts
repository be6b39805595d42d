// CPU and memory in the Containers tree descriptions (the dockside.containers.showUsage setting). Streams
// stats only while the setting is on and the view shows, and only for the running containers among the
// first rows of the view: each watched container is one engine stream, so hundreds of rows must not mean
// hundreds of streams. Samples arrive about once a second per container; their repaints are batched.
import * as vscode from 'vscode';
import type { StatsSample } from '../../engine/index';
import { formatBytes } from '../format';

/** Where samples come from (the stats service, shared with the stats view so a container streams once). */
export interface UsageSource {
  watch(containerId: string): vscode.Disposable;
  history(containerId: string): readonly StatsSample[];
  readonly onDidChange: vscode.Event<string>;
}

/** At most this many containers stream for the tree at once: the running ones nearest the top. */
export const MAX_WATCHED_ROWS = 30;
const REPAINT_BATCH_MS = 500;

export class ContainerUsage implements vscode.Disposable {
  private readonly watches = new Map<string, vscode.Disposable>();
  private visible = false;
  private running: readonly string[] = [];
  private pending = new Set<string>();
  private repaintTimer?: NodeJS.Timeout;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly source: UsageSource,
    private readonly enabled: () => boolean,
    private readonly repaint: (containerIds: readonly string[]) => void,
  ) {
    this.subscription = source.onDidChange((id) => this.onSample(id));
  }

  /** The view was shown or hidden. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.sync();
  }

  /** The running containers of the view, in the order it shows them. */
  setRunning(containerIds: readonly string[]): void {
    this.running = containerIds;
    this.sync();
  }

  /** The setting changed: start or stop streaming (the caller repaints every row). */
  settingChanged(): void {
    this.sync();
  }

  /** "CPU 3.2% · 12.5 MiB" for a watched container with a sample, else undefined. */
  describe(containerId: string): string | undefined {
    if (!this.watches.has(containerId)) return undefined;
    // The engine's first sample has no earlier CPU reading to compare with, so its CPU reads 0 %: wait for
    // the second rather than show a figure that is wrong.
    const history = this.source.history(containerId);
    return history.length >= 2 ? formatUsage(history[history.length - 1]) : undefined;
  }

  /** The containers streaming for the tree now (for tests and the log). */
  get watched(): readonly string[] {
    return [...this.watches.keys()];
  }

  private sync(): void {
    const wanted = new Set(this.visible && this.enabled() ? this.running.slice(0, MAX_WATCHED_ROWS) : []);
    for (const [id, handle] of this.watches) {
      if (wanted.has(id)) continue;
      handle.dispose();
      this.watches.delete(id);
    }
    for (const id of wanted) if (!this.watches.has(id)) this.watches.set(id, this.source.watch(id));
  }

  private onSample(id: string): void {
    if (!this.watches.has(id)) return;
    this.pending.add(id);
    this.repaintTimer ??= setTimeout(() => {
      this.repaintTimer = undefined;
      const ids = [...this.pending];
      this.pending = new Set();
      this.repaint(ids);
    }, REPAINT_BATCH_MS);
  }

  dispose(): void {
    this.subscription.dispose();
    if (this.repaintTimer) clearTimeout(this.repaintTimer);
    this.watches.forEach((handle) => handle.dispose());
    this.watches.clear();
  }
}

/** Like `docker stats`: CPU with one decimal, memory in binary units. */
export function formatUsage(sample: Pick<StatsSample, 'cpuPercent' | 'memoryUsageBytes'>): string {
  return vscode.l10n.t('CPU {0}% · {1}', sample.cpuPercent.toFixed(1), formatBytes(sample.memoryUsageBytes));
}
