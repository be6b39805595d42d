// `docker service rollback`: back to the spec before the last update.
import * as vscode from 'vscode';
import { engineAndClient, serviceArgument, type SwarmCommandServices } from './swarmCommandServices';

export function rollbackService(services: SwarmCommandServices) {
  return async (node?: unknown): Promise<void> => {
    const service = await serviceArgument(services, node, vscode.l10n.t('Choose a service to roll back'));
    if (!service.canRollback) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has not been updated yet: there is nothing to roll back to.', service.name));
      return;
    }
    const [engine, client] = await engineAndClient(services);
    await engine.rollbackService(client, service.id);
  };
}
