// Compose Up: detached, all services or a chosen subset, with build / force-recreate / no-deps options.
// From the code lens at the top of a file (`quick`) it starts everything at once.
import * as vscode from 'vscode';
import { resolveTarget } from '../../compose/composeTargets';
import { confirmProjectRisks } from '../../compose/confirmProjectRisks';
import { composeHandler, listServices, type ComposeCommandContext } from './composeCommandContext';

interface UpChoice extends vscode.QuickPickItem {
  readonly service?: string;
  readonly flag?: string;
}

export function composeUp(ctx: ComposeCommandContext) {
  return composeHandler(async (arg?: unknown) => {
    const target = await resolveTarget(arg, ctx.choices);
    if (!target) return;
    const quick = (arg as { quick?: boolean } | undefined)?.quick === true;
    let args = ['up', '-d'];
    if (!quick) {
      const services = await listServices(ctx, target.spec);
      const items: UpChoice[] = [
        ...services.map((service) => ({ label: service, service, picked: true })),
        { label: vscode.l10n.t('Options'), kind: vscode.QuickPickItemKind.Separator },
        { label: '--build', description: vscode.l10n.t('Build images before starting'), flag: '--build' },
        { label: '--force-recreate', description: vscode.l10n.t('Recreate containers even if nothing changed'), flag: '--force-recreate' },
        { label: '--no-deps', description: vscode.l10n.t('Do not start the services they depend on'), flag: '--no-deps' },
      ];
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: vscode.l10n.t('Start which services, with which options?') });
      if (!picked) return;
      const chosen = picked.filter((p) => p.service).map((p) => p.service!);
      if (chosen.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No service chosen: nothing was started.'));
        return;
      }
      args = [...args, ...picked.filter((p) => p.flag).map((p) => p.flag!), ...(chosen.length === services.length ? [] : chosen)];
    }
    if (!(await confirmProjectRisks(ctx, target.spec))) return;
    await ctx.compose.run({ spec: target.spec, args, title: vscode.l10n.t('Up') });
  });
}
