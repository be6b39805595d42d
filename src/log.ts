// The "Dockside" log channel: every error lands here whole; the user sees one sentence with a way to act.
import * as vscode from 'vscode';
import { Commands } from './constants';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Dockside', { log: true });
}

/** Shows one sentence with a "Show Log" action, after writing the whole error to the log. */
export async function showErrorWithLog(log: vscode.LogOutputChannel, sentence: string, error: unknown): Promise<void> {
  log.error(sentence, error);
  const showLog = vscode.l10n.t('Show Log');
  const choice = await vscode.window.showErrorMessage(sentence, showLog);
  if (choice === showLog) await vscode.commands.executeCommand(Commands.showLog);
}
