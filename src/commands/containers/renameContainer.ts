import * as vscode from 'vscode';
import { runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { resolveTargets } from '../../manage/targets';

/** The engine's own rule for container names. */
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function renameContainer(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<void> => {
    const [container] = await resolveTargets(services.session, 'container', node, nodes, { placeHolder: vscode.l10n.t('Choose a container to rename') });
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Rename {0}', container.name),
      prompt: vscode.l10n.t('New container name'),
      value: container.name,
      validateInput: (v) => (NAME.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits, "_", "." and "-", starting with a letter or digit.')),
    });
    if (name === undefined || name.trim() === container.name) throw new vscode.CancellationError();
    const engine = await services.session.engine();
    await runOnTargets(services, [container], (c) => c.name, (client, c) => engine.renameContainer(client, c.id, name.trim()), {
      progressTitle: vscode.l10n.t('Renaming {0}', container.name),
    });
  };
}
