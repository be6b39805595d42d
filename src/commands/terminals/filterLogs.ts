import * as vscode from 'vscode';
import type { TerminalServices } from '../../terminals/terminalServices';

/** Filter Logs…: the active logs terminal shows only lines matching a pattern (a regular expression, or plain text). */
export function filterLogs(terminals: TerminalServices): () => Promise<void> {
  return async () => {
    const pty = terminals.registry.activeLogs();
    if (!pty) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a logs terminal first (Follow Logs on a container).'));
      return;
    }
    const pattern = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Show only lines matching (a regular expression or plain text; empty shows all lines)'),
      value: pty.filter?.source ?? '',
    });
    if (pattern === undefined) throw new vscode.CancellationError();
    pty.setFilter(toFilter(pattern));
  };
}

/** Case-insensitive; text that is not a valid regular expression is matched literally. */
export function toFilter(pattern: string): RegExp | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
}
