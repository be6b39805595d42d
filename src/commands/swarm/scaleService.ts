// `docker service scale`: the new number of replicas of a replicated service.
import * as vscode from 'vscode';
import { askText } from '../../manage/prompts';
import { engineAndClient, serviceArgument, type SwarmCommandServices } from './swarmCommandServices';

export function scaleService(services: SwarmCommandServices) {
  return async (node?: unknown): Promise<void> => {
    const service = await serviceArgument(services, node, vscode.l10n.t('Choose a service to scale'));
    if (service.mode !== 'replicated') {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} runs one task on every node ({1}): only replicated services scale.', service.name, service.mode));
      return;
    }
    const text = await askText(vscode.l10n.t('Scale {0}', service.name), vscode.l10n.t('Number of replicas'), String(service.replicas ?? 1), (v) => (/^\s*\d{1,4}\s*$/.test(v) ? undefined : vscode.l10n.t('A whole number, 0 or more.')));
    const [engine, client] = await engineAndClient(services);
    await engine.scaleService(client, service.id, Number(text.trim()));
  };
}
