// `docker rmi [-f]` for the selection, one confirmation naming the containers that block removal.
import * as vscode from 'vscode';
import type { ImageSummary } from '../../models/image';
import { confirmChoice, listNames, runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { describeUsers, usersByTarget, withUsers } from '../../manage/prompts';
import { displayName, resolveTargets } from '../../manage/targets';

export function removeImages(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<void> => {
    const targets = await resolveTargets(services.session, 'image', node, nodes, { placeHolder: vscode.l10n.t('Choose an image to remove') });
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    const blockers = await usersByTarget(targets, (i) => i.id, (i) => engine.containersUsingImage(client, i.id));
    const names = targets.map((i) => displayName('image', i));
    const message = targets.length === 1 ? vscode.l10n.t('Remove the image {0}?', names[0]) : vscode.l10n.t('Remove {0} images?', targets.length);
    const blocked = describeUsers(blockers, (id) => displayName('image', targets.find((i) => i.id === id)!));
    const detail = [
      listNames(names),
      blocked ? vscode.l10n.t('Used by containers, so the engine refuses without force (and even with force while they run): {0}', blocked) : '',
    ].filter(Boolean).join('\n\n');
    const remove = vscode.l10n.t('Remove');
    const force = vscode.l10n.t('Force Remove');
    const choice = await confirmChoice(message, detail, remove, force);
    // Images can share layers: removing them one by one keeps the engine's answers clear.
    await runOnTargets(services, targets, (i) => displayName('image', i), async (c, image) => {
      try {
        await engine.removeImage(c, referenceToRemove(image), choice === force);
      } catch (error) {
        throw withUsers(engine, error, blockers.get(image.id));
      }
    }, { progressTitle: vscode.l10n.t('Removing images'), sequential: true });
  };
}

/** A single tag removes that image; several tags need the id (and force), as `docker rmi` does. */
function referenceToRemove(image: ImageSummary): string {
  return image.repoTags.length === 1 ? image.repoTags[0] : image.id;
}
