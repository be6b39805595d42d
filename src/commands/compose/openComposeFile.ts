// Open Compose File (a project in the Containers view): the file its containers were created from, as the
// `com.docker.compose.project.config_files` label names it.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { resolveTarget } from '../../compose/composeTargets';
import { projectNameOf, type ComposeCommandContext } from './composeCommandContext';

export function openComposeFile(ctx: ComposeCommandContext) {
  return async (arg?: unknown) => {
    const target = await resolveTarget(arg, ctx.choices);
    if (!target) return;
    const file = target.uri?.fsPath ?? target.spec.files.find((f) => fs.existsSync(f));
    if (!file) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The compose file of {0} ({1}) is not on this machine.', projectNameOf(target.spec), target.spec.files.join(', ') || '?'));
      return;
    }
    await vscode.window.showTextDocument(vscode.Uri.file(file));
  };
}
