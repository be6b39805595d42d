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
      host: userSetting(c, SettingKeys.engineHost, '').trim(),
      context: userSetting(c, SettingKeys.engineContext, '').trim(),
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

/**
 * A setting from the user's own settings (or its default), never from the workspace's files: for settings
 * that name an engine or a program. They are `machine` scope, so VS Code ignores workspace values already;
 * reading them this way keeps a repository's `.vscode/settings.json` out even if a scope is ever loosened.
 */
export function userSetting<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  const inspected = config.inspect<T>(key);
  const value = inspected?.globalValue ?? inspected?.defaultValue;
  return value !== undefined && typeof value === typeof fallback ? value : fallback;
}
