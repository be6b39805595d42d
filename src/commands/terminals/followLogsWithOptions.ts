import * as vscode from 'vscode';
import { targetContainers } from '../../terminals/containerTargets';
import { openLogsTerminal } from '../../terminals/logsLauncher';
import { parseSince } from '../../terminals/userInput';
import type { TerminalServices } from '../../terminals/terminalServices';
import { logSettings } from '../../terminals/terminalSettings';

/** Follow Logs With Options…: asks for tail, since and timestamps before opening the logs terminals. */
export function followLogsWithOptions(terminals: TerminalServices): (node?: unknown, nodes?: unknown) => Promise<void> {
  return async (node, nodes) => {
    const containers = await targetContainers(terminals.session, node, nodes, { placeholder: vscode.l10n.t('Follow the logs of which container?') });
    const settings = logSettings();
    const tailText = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Start with how many of the last lines? (empty: all)'),
      value: settings.tail === undefined ? '' : String(settings.tail),
      validateInput: (v) => (v.trim() === '' || /^\d+$/.test(v.trim()) ? undefined : vscode.l10n.t('A whole number, or empty for all lines.')),
    });
    if (tailText === undefined) throw new vscode.CancellationError();
    const sinceText = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Only lines since (e.g. 10m, 2h, 1d, or 2024-05-01T12:00; empty: no limit)'),
      validateInput: (v) => {
        try {
          parseSince(v);
          return undefined;
        } catch {
          return vscode.l10n.t('A duration like 10m or 2h, or a date and time.');
        }
      },
    });
    if (sinceText === undefined) throw new vscode.CancellationError();
    const yes = vscode.l10n.t('Show timestamps');
    const no = vscode.l10n.t('Hide timestamps');
    const stamps = await vscode.window.showQuickPick(settings.timestamps ? [yes, no] : [no, yes], { placeHolder: vscode.l10n.t('Timestamps') });
    if (stamps === undefined) throw new vscode.CancellationError();
    const choices = { tail: tailText.trim() === '' ? undefined : Number(tailText), since: parseSince(sinceText), timestamps: stamps === yes };
    for (const c of containers) openLogsTerminal(terminals, vscode.l10n.t('Logs: {0}', c.name), [c], choices);
  };
}
