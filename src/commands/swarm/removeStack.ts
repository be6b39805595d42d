// `docker stack rm <name>`, confirmed, through the user's docker CLI.
import * as vscode from 'vscode';
import { confirmChoice } from '../../manage/runOnTargets';
import { stackRemoveArgs } from '../../swarm/stackCli';
import { runStackCli } from './stackCommand';
import type { SwarmCommandServices } from './swarmCommandServices';

export function removeStack(services: SwarmCommandServices) {
  return async (node?: unknown): Promise<void> => {
    let stack = (node as { stack?: string } | undefined)?.stack;
    if (!stack) {
      await services.swarm.refresh();
      const stacks = [...new Set(services.swarm.snapshot.services.map((s) => s.stack).filter((s): s is string => !!s))].sort();
      stack = await vscode.window.showQuickPick(stacks, { placeHolder: vscode.l10n.t('Choose a stack to remove'), ignoreFocusOut: true });
      if (!stack) throw new vscode.CancellationError();
    }
    await confirmChoice(vscode.l10n.t('Remove the stack {0}?', stack), vscode.l10n.t('Its services, networks, secrets and configs are removed; their tasks stop on every node.'), vscode.l10n.t('Remove'));
    await runStackCli(services, stackRemoveArgs(stack), vscode.l10n.t('Removing the stack {0}', stack));
  };
}
