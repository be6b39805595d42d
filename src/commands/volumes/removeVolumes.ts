// `docker volume rm`: one confirmation naming the containers that use each volume (the engine refuses those).
import * as vscode from 'vscode';
import { confirmChoice, listNames, runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { describeUsers, usersByTarget, withUsers } from '../../manage/prompts';
import { resolveTargets } from '../../manage/targets';

export function removeVolumes(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<void> => {
    const targets = await resolveTargets(services.session, 'volume', node, nodes, { placeHolder: vscode.l10n.t('Choose a volume to remove') });
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    const users = await usersByTarget(targets, (v) => v.name, (v) => engine.containersUsingVolume(client, v.name));
    const message = targets.length === 1 ? vscode.l10n.t('Remove the volume {0} and all its data?', targets[0].name) : vscode.l10n.t('Remove {0} volumes and all their data?', targets.length);
    const inUse = describeUsers(users, (name) => name);
    const detail = [
      listNames(targets.map((v) => v.name)),
      inUse ? vscode.l10n.t('Used by containers (the engine refuses until they are removed): {0}', inUse) : '',
    ].filter(Boolean).join('\n\n');
    await confirmChoice(message, detail, vscode.l10n.t('Remove'));
    await runOnTargets(services, targets, (v) => v.name, async (c, volume) => {
      try {
        await engine.removeVolume(c, volume.name);
      } catch (error) {
        throw withUsers(engine, error, users.get(volume.name));
      }
    }, { progressTitle: vscode.l10n.t('Removing volumes') });
  };
}
