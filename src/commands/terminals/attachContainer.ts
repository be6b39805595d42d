import * as vscode from 'vscode';
import { ensureRunning } from '../../terminals/containerReadiness';
import { targetContainer } from '../../terminals/containerTargets';
import { describer, reconnectedClient } from '../../terminals/shellLauncher';
import { SessionTerminal } from '../../terminals/sessionTerminal';
import type { TerminalServices } from '../../terminals/terminalServices';

/** Attach: a terminal on the main process; writable when the container keeps stdin open, read-only otherwise. */
export function attachContainer(terminals: TerminalServices): (node?: unknown) => Promise<void> {
  return async (node) => {
    const { session, registry } = terminals;
    const container = await targetContainer(session, node, { placeholder: vscode.l10n.t('Attach to which container?') });
    const [engine, client] = await Promise.all([session.engine(), session.client()]);
    const runtime = await ensureRunning(session, client, container.id);
    const banner = [vscode.l10n.t('Attached to the main process of {0}.', runtime.name)];
    if (runtime.openStdin) {
      banner.push(vscode.l10n.t('Ctrl-P Ctrl-Q detaches and leaves the container running. Exiting the main process (exit in its shell) stops the container.'));
    } else {
      banner.push(vscode.l10n.t('Read-only: the container does not keep stdin open, so only its output is shown.'));
    }
    const pty = new SessionTerminal({ kind: 'attach', open: async (_size, reconnecting) => {
      if (!reconnecting) return engine.attachContainer(client, runtime);
      const current = await reconnectedClient(session, container.id);
      return engine.attachContainer(current, await engine.containerRuntime(current, container.id));
    }, describe: await describer(session), banner, detachable: runtime.openStdin });
    registry.open(vscode.l10n.t('{0}: attached', runtime.name), pty, 'plug');
  };
}
