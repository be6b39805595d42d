import * as vscode from 'vscode';
import { targetContainer } from '../../terminals/containerTargets';
import { openShellTerminal } from '../../terminals/shellLauncher';
import type { TerminalServices } from '../../terminals/terminalServices';
import { shellSettings } from '../../terminals/terminalSettings';

/** Open Shell: a terminal on a TTY exec into the container, with the shell settings. */
export function openShell(terminals: TerminalServices): (node?: unknown) => Promise<void> {
  return async (node) => {
    const container = await targetContainer(terminals.session, node, { placeholder: vscode.l10n.t('Open a shell in which container?') });
    await openShellTerminal(terminals.session, terminals.registry, container, shellSettings());
  };
}
