// `docker secret rm` / `docker config rm`, confirmed; the engine refuses while a service uses it.
import * as vscode from 'vscode';
import { confirmChoice } from '../../manage/runOnTargets';
import { engineAndClient, objectArgument, type ObjectKind, type SwarmCommandServices } from './swarmCommandServices';

export function removeSwarmObject(services: SwarmCommandServices, kind: ObjectKind) {
  return async (node?: unknown): Promise<void> => {
    const target = await objectArgument(services, kind, node, kind === 'secret' ? vscode.l10n.t('Choose a secret to remove') : vscode.l10n.t('Choose a config to remove'));
    const message = kind === 'secret' ? vscode.l10n.t('Remove the secret {0}?', target.name) : vscode.l10n.t('Remove the config {0}?', target.name);
    await confirmChoice(message, vscode.l10n.t('The engine refuses while a service still uses it.'), vscode.l10n.t('Remove'));
    const [engine, client] = await engineAndClient(services);
    await engine.removeSwarmObject(client, kind, target.id);
  };
}
