// `docker stack deploy -c <file> <name>` through the user's docker CLI, for the engine Dockside shows.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { askText } from '../../manage/prompts';
import { stackDeployArgs } from '../../swarm/stackCli';
import { runStackCli } from './stackCommand';
import type { SwarmCommandServices } from './swarmCommandServices';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;

export function deployStack(services: SwarmCommandServices) {
  return async (resource?: unknown): Promise<string> => {
    const file = await composeFile(resource);
    const suggested = path.basename(path.dirname(file.fsPath)).toLowerCase().replace(/[^a-z0-9_-]/g, '');
    const stack = (await askText(vscode.l10n.t('Deploy Stack'), vscode.l10n.t('Stack name'), suggested, (v) => (NAME.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits, "_" and "-", starting with a letter or digit.')))).trim();
    await runStackCli(services, stackDeployArgs(file.fsPath, stack), vscode.l10n.t('Deploying the stack {0}', stack), path.dirname(file.fsPath));
    return stack;
  };
}

/** The file the command came from (explorer or editor), else the active compose editor, else a pick. */
async function composeFile(resource: unknown): Promise<vscode.Uri> {
  if (resource instanceof vscode.Uri) return resource;
  const active = vscode.window.activeTextEditor?.document;
  if (active?.uri.scheme === 'file' && /\.ya?ml$/.test(active.fileName)) return active.uri;
  const found = await vscode.workspace.findFiles('**/{compose,docker-compose,stack,docker-stack}*.{yml,yaml}', '**/node_modules/**', 50);
  const pick = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: vscode.l10n.t('Choose the compose file to deploy as a stack'), ignoreFocusOut: true },
  );
  if (!pick) throw new vscode.CancellationError();
  return pick.uri;
}
