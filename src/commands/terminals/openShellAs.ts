import * as vscode from 'vscode';
import { targetContainer } from '../../terminals/containerTargets';
import { openShellTerminal } from '../../terminals/shellLauncher';
import type { TerminalServices } from '../../terminals/terminalServices';
import { shellSettings } from '../../terminals/terminalSettings';
import { splitCommandLine } from '../../terminals/userInput';

/** Open Shell As…: asks for the command, the user and the working directory, starting from the settings. */
export function openShellAs(terminals: TerminalServices): (node?: unknown) => Promise<void> {
  return async (node) => {
    const container = await targetContainer(terminals.session, node, { placeholder: vscode.l10n.t('Open a shell in which container?') });
    const defaults = shellSettings();
    const command = await ask(vscode.l10n.t('Command to run (empty: bash when present, else sh)'), defaults.command.join(' '), 'bash -l');
    const user = await ask(vscode.l10n.t('User, as name or uid[:gid] (empty: the image\'s user)'), defaults.user, 'root');
    const workdir = await ask(vscode.l10n.t('Working directory (empty: the image\'s)'), defaults.workdir, '/');
    await openShellTerminal(terminals.session, terminals.registry, container, { command: splitCommandLine(command), user: user.trim(), workdir: workdir.trim() });
  };
}

async function ask(prompt: string, value: string, placeHolder: string): Promise<string> {
  const answer = await vscode.window.showInputBox({ prompt, value, placeHolder });
  if (answer === undefined) throw new vscode.CancellationError();
  return answer;
}
