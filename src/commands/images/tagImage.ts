// `docker tag`: another repo:tag for the same image.
import * as vscode from 'vscode';
import { runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { displayName, resolveTargets } from '../../manage/targets';

/** The docker reference grammar, simplified: lowercase path components, optional registry host:port and tag. */
const REFERENCE = /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;

export function imageReferenceProblem(value: string): string | undefined {
  return REFERENCE.test(value.trim()) ? undefined : vscode.l10n.t('Not a valid image reference. Use lowercase repository[:tag], e.g. registry.local:5000/team/app:1.2');
}

export function tagImage(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<string> => {
    const [image] = await resolveTargets(services.session, 'image', node, nodes, { placeHolder: vscode.l10n.t('Choose an image to tag') });
    const name = displayName('image', image);
    const reference = await vscode.window.showInputBox({
      title: vscode.l10n.t('Tag {0}', name),
      prompt: vscode.l10n.t('New repository:tag'),
      value: image.repoTags[0] ?? '',
      validateInput: imageReferenceProblem,
    });
    if (!reference?.trim()) throw new vscode.CancellationError();
    const engine = await services.session.engine();
    await runOnTargets(services, [image], () => name, (client, i) => engine.tagImage(client, i.id, reference.trim()), { progressTitle: vscode.l10n.t('Tagging {0}', name) });
    return reference.trim();
  };
}
