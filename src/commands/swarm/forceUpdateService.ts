// `docker service update --force`: every task is replaced with the same spec (a redeploy).
import * as vscode from 'vscode';
import { engineAndClient, serviceArgument, type SwarmCommandServices } from './swarmCommandServices';

export function forceUpdateService(services: SwarmCommandServices) {
  return async (node?: unknown): Promise<void> => {
    const service = await serviceArgument(services, node, vscode.l10n.t('Choose a service to redeploy'));
    const [engine, client] = await engineAndClient(services);
    await engine.forceUpdateService(client, service.id);
  };
}
