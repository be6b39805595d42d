// The terminals Dockside opened: to find the logs terminal a command acts on, to number several shells into
// one container, and to let tests read what a terminal wrote.
import * as vscode from 'vscode';
import { ContextKeys } from '../constants';
import { LogsTerminal } from './logsTerminal';
import { SessionTerminal } from './sessionTerminal';

type DocksidePty = SessionTerminal | LogsTerminal;

export class TerminalRegistry implements vscode.Disposable {
  private readonly ptys = new Map<vscode.Terminal, DocksidePty>();
  private readonly counts = new Map<string, number>();
  private readonly subscriptions = [
    vscode.window.onDidCloseTerminal((t) => this.ptys.delete(t)),
    vscode.window.onDidChangeActiveTerminal(() => this.updateDetachable()),
  ];

  /** Opens a terminal over `pty`; a second one with the same name gets " (2)", and so on. */
  open(name: string, pty: DocksidePty, icon: string): vscode.Terminal {
    return this.openTitled(name, pty, icon);
  }

  /** The same registry for one engine's terminals: `titled` names the engine while several are shown. */
  forEngine(titled: (name: string) => string): TerminalRegistry {
    const scoped = Object.create(this) as TerminalRegistry;
    scoped.open = (name, pty, icon) => this.openTitled(titled(name), pty, icon);
    return scoped;
  }

  private openTitled(name: string, pty: DocksidePty, icon: string): vscode.Terminal {
    const count = (this.counts.get(name) ?? 0) + 1;
    this.counts.set(name, count);
    const terminal = vscode.window.createTerminal({ name: count > 1 ? `${name} (${count})` : name, pty, iconPath: new vscode.ThemeIcon(icon) });
    this.ptys.set(terminal, pty);
    if (pty instanceof LogsTerminal) pty.baseName = terminal.name;
    if (pty instanceof SessionTerminal) pty.onDidExit(() => this.updateDetachable());
    terminal.show();
    return terminal;
  }

  /**
   * VS Code keeps Ctrl-P (Quick Open) from reaching terminals; the keybindings that send Ctrl-P Ctrl-Q to an
   * attached container instead hold only while this context key does.
   */
  private updateDetachable(): void {
    const pty = this.pty(vscode.window.activeTerminal);
    const detachable = pty instanceof SessionTerminal && pty.detachable;
    void vscode.commands.executeCommand('setContext', ContextKeys.detachableTerminal, detachable);
    // Filter Logs... and Save Logs... in the terminal's own menus, for logs terminals only.
    void vscode.commands.executeCommand('setContext', ContextKeys.logsTerminal, pty instanceof LogsTerminal);
  }

  pty(terminal: vscode.Terminal | undefined): DocksidePty | undefined {
    return terminal ? this.ptys.get(terminal) : undefined;
  }

  /** The logs terminal in front, else the only one open. */
  activeLogs(): LogsTerminal | undefined {
    const active = this.pty(vscode.window.activeTerminal);
    if (active instanceof LogsTerminal) return active;
    const all = [...this.ptys.values()].filter((p): p is LogsTerminal => p instanceof LogsTerminal);
    return all.length === 1 ? all[0] : undefined;
  }

  /** What each open Dockside terminal wrote recently, as plain text, by terminal name. */
  transcripts(): Record<string, string> {
    return Object.fromEntries([...this.ptys].map(([t, pty]) => [t.name, pty.transcript.plain()]));
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
