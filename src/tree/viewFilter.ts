// One view's filter text, kept per workspace (workspaceState), with a context key so the title bar can
// offer "Clear Filter" only while a filter is set.
import * as vscode from 'vscode';

export class ViewFilter implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;
  private current: string;

  constructor(
    readonly viewId: string,
    private readonly state: vscode.Memento,
  ) {
    this.current = state.get<string>(this.storageKey, '');
    this.publishContextKey();
  }

  get text(): string {
    return this.current;
  }

  /** The context key `<view id>.filtered`, e.g. `dockside.containers.filtered`. */
  get contextKey(): string {
    return `${this.viewId}.filtered`;
  }

  async set(text: string): Promise<void> {
    const next = text.trim();
    if (next === this.current) return;
    this.current = next;
    await this.state.update(this.storageKey, next || undefined);
    this.publishContextKey();
    this.changed.fire(next);
  }

  private get storageKey(): string {
    return `filter:${this.viewId}`;
  }

  private publishContextKey(): void {
    void vscode.commands.executeCommand('setContext', this.contextKey, this.current !== '');
  }

  dispose(): void {
    this.changed.dispose();
  }
}
