// `docker service rm`, confirmed: every task of the service stops.
import * as vscode from 'vscode';
import { confirmChoice } from '../../manage/runOnTargets';
import { engineAndClient, serviceArgument, type SwarmCommandServices } from './swarmCommandServices';

export function removeService(services: SwarmCommandServices) {
  return async (node?: unknown): Promise<void> => {
    const service = await serviceArgument(services, node, vscode.l10n.t('Choose a service to remove'));
    await confirmChoice(vscode.l10n.t('Remove the service {0}?', service.name), vscode.l10n.t('Every task of {0} stops and its containers are removed on all nodes.', service.name), vscode.l10n.t('Remove'));
    const [engine, client] = await engineAndClient(services);
    await engine.removeService(client, service.id);
  };
}
