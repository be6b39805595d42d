// One value per engine shown (the terminal services of each engine, …), made on first use and disposed when
// its engine is no longer shown. The primary engine is always shown, so its value lives as long as this does.
import type * as vscode from 'vscode';
import type { EngineRegistry } from './engineRegistry';
import type { EngineSession } from './engineSession';

export class PerEngine<T extends vscode.Disposable> implements vscode.Disposable {
  private readonly values = new Map<EngineSession, T>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly registry: EngineRegistry,
    private readonly make: (session: EngineSession) => T,
  ) {
    this.subscription = registry.onDidChange(() => this.forgetHidden());
  }

  get(session: EngineSession): T {
    let value = this.values.get(session);
    if (!value) {
      value = this.make(session);
      this.values.set(session, value);
    }
    return value;
  }

  private forgetHidden(): void {
    const shown = new Set(this.registry.shown());
    for (const [session, value] of this.values) {
      if (shown.has(session)) continue;
      value.dispose();
      this.values.delete(session);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    [...this.values.values()].reverse().forEach((v) => v.dispose());
  }
}
