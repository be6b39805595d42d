// `docker rm [-f] [-v]` with one confirmation for the whole selection. Running containers need force;
// "Remove Without Force" lets the engine refuse them (and says so) while the stopped ones go.
import * as vscode from 'vscode';
import { confirmChoice, listNames, runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { resolveTargets } from '../../manage/targets';

export function removeContainers(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<void> => {
    const targets = await resolveTargets(services.session, 'container', node, nodes, { placeHolder: vscode.l10n.t('Choose a container to remove') });
    const live = targets.filter((c) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
    const message = targets.length === 1
      ? vscode.l10n.t('Remove the container {0}?', targets[0].name)
      : vscode.l10n.t('Remove {0} containers?', targets.length);
    const remove = vscode.l10n.t('Remove');
    const removeWithVolumes = vscode.l10n.t('Remove with Anonymous Volumes');
    const force = vscode.l10n.t('Force Remove');
    const forceWithVolumes = vscode.l10n.t('Force Remove with Anonymous Volumes');
    const withoutForce = vscode.l10n.t('Remove Without Force');
    const detail = [
      listNames(targets.map((c) => c.name)),
      live.length > 0 ? vscode.l10n.t('Still running: {0}. Force stops them with SIGKILL first; without force the engine refuses them.', listNames(live.map((c) => c.name))) : '',
      vscode.l10n.t('Anonymous volumes are the unnamed ones the containers created; named volumes always stay.'),
    ].filter(Boolean).join('\n\n');
    const choice = live.length > 0
      ? await confirmChoice(message, detail, force, forceWithVolumes, withoutForce)
      : await confirmChoice(message, detail, remove, removeWithVolumes);
    const options = { force: choice === force || choice === forceWithVolumes, anonymousVolumes: choice === removeWithVolumes || choice === forceWithVolumes };
    const engine = await services.session.engine();
    await runOnTargets(services, targets, (c) => c.name, (client, c) => engine.removeContainer(client, c.id, options), {
      progressTitle: vscode.l10n.t('Removing containers'),
    });
  };
}
