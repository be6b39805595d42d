// `docker service update --image`: a rolling update, with how many tasks at once and the wait between them.
import * as vscode from 'vscode';
import { askText } from '../../manage/prompts';
import { engineAndClient, serviceArgument, type SwarmCommandServices } from './swarmCommandServices';

export function updateServiceImage(services: SwarmCommandServices) {
  return async (node?: unknown): Promise<void> => {
    const service = await serviceArgument(services, node, vscode.l10n.t('Choose a service to update'));
    const title = vscode.l10n.t('Update {0}', service.name);
    const image = (await askText(title, vscode.l10n.t('New image'), service.image, (v) => (v.trim() ? undefined : vscode.l10n.t('An image is needed.')))).trim();
    const whole = (v: string) => (/^\s*\d{1,4}\s*$/.test(v) ? undefined : vscode.l10n.t('A whole number, 0 or more.'));
    const parallelism = Number(await askText(title, vscode.l10n.t('Tasks updated at once (0: all at once)'), '1', whole));
    const delaySeconds = Number(await askText(title, vscode.l10n.t('Seconds to wait between batches'), '0', whole));
    const [engine, client] = await engineAndClient(services);
    await engine.updateServiceImage(client, service.id, image, { parallelism, delaySeconds });
  };
}
