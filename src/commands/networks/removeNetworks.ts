// `docker network rm`: built-in networks are refused here with a sentence of our own; attached containers
// are named in the confirmation, since the engine refuses those networks.
import * as vscode from 'vscode';
import { confirmChoice, listNames, runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { describeUsers, usersByTarget } from '../../manage/prompts';
import { resolveTargets } from '../../manage/targets';

export function removeNetworks(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<void> => {
    const selected = await resolveTargets(services.session, 'network', node, nodes, { placeHolder: vscode.l10n.t('Choose a network to remove'), filter: (n) => !n.builtIn });
    const builtIns = selected.filter((n) => n.builtIn);
    if (builtIns.length > 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0}: built into the engine (bridge, host, none); Docker needs them and they cannot be removed.', builtIns.map((n) => n.name).join(', ')));
    }
    const targets = selected.filter((n) => !n.builtIn);
    if (targets.length === 0) return;
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    const attached = describeUsers(await usersByTarget(targets, (n) => n.id, (n) => engine.containersOnNetwork(client, n.id)), (id) => targets.find((n) => n.id === id)!.name);
    const message = targets.length === 1 ? vscode.l10n.t('Remove the network {0}?', targets[0].name) : vscode.l10n.t('Remove {0} networks?', targets.length);
    const detail = [
      listNames(targets.map((n) => n.name)),
      attached ? vscode.l10n.t('Containers still attached (the engine refuses until they are disconnected): {0}', attached) : '',
    ].filter(Boolean).join('\n\n');
    await confirmChoice(message, detail, vscode.l10n.t('Remove'));
    await runOnTargets(services, targets, (n) => n.name, (c, n) => engine.removeNetwork(c, n.id), { progressTitle: vscode.l10n.t('Removing networks') });
  };
}
