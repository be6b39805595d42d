// `docker service logs -f`: all tasks in one logs terminal, each line prefixed with its task and node.
import * as vscode from 'vscode';
import { openLogsTerminal } from '../../terminals/logsLauncher';
import { serviceArgument, type SwarmCommandServices } from './swarmCommandServices';

export function followServiceLogs(services: SwarmCommandServices) {
  return async (node?: unknown): Promise<void> => {
    const service = await serviceArgument(services, node, vscode.l10n.t('Follow the logs of which service?'));
    openLogsTerminal(services.terminals, vscode.l10n.t('Logs: {0} (service)', service.name), [{ id: service.id, name: service.name, kind: 'service' }]);
  };
}
