// `docker commit -m -a`: the container's filesystem as a new image.
import * as vscode from 'vscode';
import { askText } from '../../manage/prompts';
import { runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { resolveTargets } from '../../manage/targets';
import { imageReferenceProblem } from '../images/tagImage';

export function commitContainer(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<string | undefined> => {
    const [container] = await resolveTargets(services.session, 'container', node, nodes, { placeHolder: vscode.l10n.t('Choose a container to commit') });
    const title = vscode.l10n.t('Commit {0} to an image', container.name);
    const reference = await askText(title, vscode.l10n.t('Repository and tag, e.g. myapp:snapshot'), `${container.name.toLowerCase()}:latest`, imageReferenceProblem);
    const message = await askText(title, vscode.l10n.t('Commit message (optional)'));
    const author = await askText(title, vscode.l10n.t('Author (optional), e.g. Li Lei <lilei@example.com>'));
    const engine = await services.session.engine();
    const { repository, tag } = engine.splitReference(reference.trim());
    let imageId: string | undefined;
    await runOnTargets(services, [container], (c) => c.name, async (client, c) => {
      imageId = await engine.commitContainer(client, c.id, { repository, tag, message: message.trim() || undefined, author: author.trim() || undefined });
    }, { progressTitle: title });
    void vscode.window.showInformationMessage(vscode.l10n.t('Committed {0} as {1}:{2}.', container.name, repository, tag));
    return imageId;
  };
}
