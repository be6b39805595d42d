// Compose Down: stops and removes the project's containers and networks, optionally its volumes and orphans,
// after a confirmation that names what goes.
import * as vscode from 'vscode';
import { resolveTarget } from '../../compose/composeTargets';
import { confirmChoice, listNames } from '../../manage/runOnTargets';
import { composeHandler, projectContainers, projectNameOf, type ComposeCommandContext } from './composeCommandContext';

interface DownOption extends vscode.QuickPickItem {
  readonly flag: string;
}

export function composeDown(ctx: ComposeCommandContext) {
  return composeHandler(async (arg?: unknown) => {
    const target = await resolveTarget(arg, ctx.choices);
    if (!target) return;
    const name = projectNameOf(target.spec);
    const containers = await projectContainers(ctx, target.spec);
    const options = await vscode.window.showQuickPick<DownOption>([
      { label: '--volumes', description: vscode.l10n.t('Also remove the named volumes of the project and anonymous volumes (their data is lost)'), flag: '--volumes' },
      { label: '--remove-orphans', description: vscode.l10n.t('Also remove containers of services no longer in the compose file'), flag: '--remove-orphans' },
    ], { canPickMany: true, placeHolder: vscode.l10n.t('Down {0}: remove more than containers and networks?', name) });
    if (!options) return;
    const names = containers.map((c) => c.name);
    const detail = [
      names.length > 0 ? vscode.l10n.t('Containers: {0}', listNames(names)) : vscode.l10n.t('No container of this project exists now.'),
      vscode.l10n.t('Networks of the project are removed too.'),
      ...(options.some((o) => o.flag === '--volumes') ? [vscode.l10n.t('Volumes of the project are removed, with their data.')] : []),
    ].join('\n\n');
    await confirmChoice(vscode.l10n.t('Take down the compose project {0}?', name), detail, vscode.l10n.t('Down'));
    await ctx.compose.run({ spec: target.spec, args: ['down', ...options.map((o) => o.flag)], title: vscode.l10n.t('Down') });
  });
}
