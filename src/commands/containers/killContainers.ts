// `docker kill -s`: the signal is chosen once for the whole selection.
import * as vscode from 'vscode';
import { runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { isState, resolveTargets } from '../../manage/targets';

const SIGNALS = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;

function signalDescription(signal: (typeof SIGNALS)[number]): string {
  switch (signal) {
    case 'SIGKILL': return vscode.l10n.t('Ends the process at once; it cannot clean up');
    case 'SIGTERM': return vscode.l10n.t('Asks the process to exit cleanly');
    case 'SIGINT': return vscode.l10n.t('Like Ctrl+C');
    case 'SIGHUP': return vscode.l10n.t('Many servers reload their configuration');
    case 'SIGQUIT': return vscode.l10n.t('Exit with a core dump');
    default: return vscode.l10n.t('Application-defined');
  }
}

export function killContainers(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<void> => {
    const targets = await resolveTargets(services.session, 'container', node, nodes, {
      placeHolder: vscode.l10n.t('Choose a container to kill'),
      filter: isState('running', 'paused', 'restarting'),
    });
    const picked = await vscode.window.showQuickPick(
      SIGNALS.map((signal) => ({ label: signal, description: signalDescription(signal) })),
      { placeHolder: vscode.l10n.t('Signal to send to {0}', targets.map((t) => t.name).join(', ')) },
    );
    if (!picked) throw new vscode.CancellationError();
    const engine = await services.session.engine();
    await runOnTargets(services, targets, (c) => c.name, (client, c) => engine.killContainer(client, c.id, picked.label), {
      progressTitle: vscode.l10n.t('Sending {0}', picked.label),
    });
  };
}
