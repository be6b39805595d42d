// The helper containers behind volume browsing: one per browsed volume, created on first use and removed
// once no editor tab and no workspace folder shows a file of that volume any more (and when Dockside ends).
import * as vscode from 'vscode';
import type { EngineClient, VolumeHelper } from '../engine/index';
import { VOLUME_SCHEME } from './fileUri';

type EngineModule = typeof import('../engine/index');

interface Kept {
  readonly helper: Promise<VolumeHelper>;
  readonly client: EngineClient;
  readonly engine: EngineModule;
  readonly since: number;
}

/** A helper is never removed within this long of its creation: the Browse flow opens its folder right after. */
const GRACE_MS = 10_000;

export class VolumeHelpers implements vscode.Disposable {
  private readonly kept = new Map<string, Kept>();
  private readonly disposables: vscode.Disposable[];
  private timer?: NodeJS.Timeout;
  private readonly removed = new vscode.EventEmitter<string>();
  /** Fires with the volume key (`<engine id>/<volume>`) when a helper has been removed. */
  readonly onDidRemove = this.removed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables = [
      vscode.window.tabGroups.onDidChangeTabs(() => this.scheduleSweep()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleSweep()),
    ];
  }

  /** The helper for a volume, created when there is none yet. */
  helperFor(engineId: string, volume: string, client: EngineClient, engine: EngineModule): Promise<VolumeHelper> {
    const key = `${engineId}/${volume}`;
    let kept = this.kept.get(key);
    if (!kept) {
      const helper = engine.startVolumeHelper(client, volume);
      kept = { helper, client, engine, since: Date.now() };
      this.kept.set(key, kept);
      helper.then(
        (h) => this.log.info(`Volume ${volume}: helper container ${h.id.slice(0, 12)} from ${h.image}${h.hasShell ? '' : ' (no shell)'}`),
        () => this.kept.delete(key),
      );
      this.scheduleSweep(GRACE_MS + 500);
    }
    return kept.helper;
  }

  /** Keys of the volumes with a helper now (for tests and the log). */
  get active(): string[] {
    return [...this.kept.keys()];
  }

  private scheduleSweep(delay = 1_000): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sweep(), delay);
  }

  /** Removes the helpers of volumes nothing shows any more. */
  private async sweep(): Promise<void> {
    const shown = shownVolumes();
    for (const [key, kept] of this.kept) {
      if (shown.has(key)) continue;
      if (Date.now() - kept.since < GRACE_MS) {
        this.scheduleSweep(GRACE_MS);
        continue;
      }
      await this.remove(key, kept);
    }
  }

  private async remove(key: string, kept: Kept): Promise<void> {
    this.kept.delete(key);
    try {
      const helper = await kept.helper;
      await kept.engine.removeVolumeHelper(kept.client, helper.id);
      this.log.info(`Volume ${key}: helper container ${helper.id.slice(0, 12)} removed`);
    } catch (error) {
      this.log.warn(`Volume ${key}: the helper container could not be removed`, error);
    }
    this.removed.fire(key);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    for (const [key, kept] of this.kept) void this.remove(key, kept);
    this.removed.dispose();
  }
}

/** `<engine id>/<volume>` of every volume an editor tab or a workspace folder shows. */
function shownVolumes(): Set<string> {
  const uris: vscode.Uri[] = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input as { uri?: vscode.Uri; modified?: vscode.Uri; original?: vscode.Uri } | undefined;
      for (const uri of [input?.uri, input?.modified, input?.original]) if (uri) uris.push(uri);
    }
  }
  return new Set(uris.filter((u) => u.scheme === VOLUME_SCHEME).map((u) => `${u.authority}/${u.path.split('/')[1] ?? ''}`));
}
