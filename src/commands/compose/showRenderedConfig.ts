// Show Rendered Configuration: what compose makes of the files (`config`: overrides merged, variables and
// profiles applied) in a read-only YAML document beside the file.
import * as vscode from 'vscode';
import { resolveTarget } from '../../compose/composeTargets';
import { composeHandler, type ComposeCommandContext } from './composeCommandContext';

export function showRenderedConfig(ctx: ComposeCommandContext) {
  return composeHandler(async (arg?: unknown) => {
    const target = await resolveTarget(arg, ctx.choices);
    if (!target) return;
    const result = await ctx.compose.run({ spec: target.spec, args: ['config'], title: vscode.l10n.t('Render configuration'), quiet: true });
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: result.stdout });
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  });
}
