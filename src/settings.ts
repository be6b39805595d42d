// Typed settings, read in one place, with one change event.
import * as vscode from 'vscode';
import { SettingKeys } from './constants';

/** An engine added in Dockside's settings (`dockside.engines`, machine scope: a repository cannot add one). */
export interface AddedEngineSetting {
  readonly name: string;
  readonly host: string;
}

export interface EngineSettings {
  readonly host: string;
  readonly context: string;
  readonly requestTimeoutMs: number;
}

export class Settings implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any engine setting changes. */
  readonly onDidChangeEngine = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      const keys = [SettingKeys.engineHost, SettingKeys.engineContext, SettingKeys.requestTimeoutSeconds, SettingKeys.addedEngines];
      if (keys.some((k) => e.affectsConfiguration(`${SettingKeys.section}.${k}`))) this.changed.fire();
    });
  }

  engine(): EngineSettings {
    const c = vscode.workspace.getConfiguration(SettingKeys.section);
    const seconds = c.get<number>(SettingKeys.requestTimeoutSeconds, 15);
    return {
      host: c.get<string>(SettingKeys.engineHost, '').trim(),
      context: c.get<string>(SettingKeys.engineContext, '').trim(),
      requestTimeoutMs: Math.max(1, Number.isFinite(seconds) ? seconds : 15) * 1000,
    };
  }

  addedEngines(): AddedEngineSetting[] {
    const raw = vscode.workspace.getConfiguration(SettingKeys.section).get<unknown>(SettingKeys.addedEngines, []);
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((e): e is { name?: unknown; host: string } => !!e && typeof (e as { host?: unknown }).host === 'string')
      .map((e) => ({ name: typeof e.name === 'string' ? e.name : '', host: e.host.trim() }))
      .filter((e) => e.host);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
