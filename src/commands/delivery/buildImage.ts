// Build from a Dockerfile: the editor title, the explorer's context menu, or the palette (the active
// Dockerfile, else a pick of the workspace's). A second argument with answers skips the questions.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { askBuildChoices, type BuildChoices } from '../../build/buildPrompts';
import type { BuildOutcome, BuildRunner } from '../../build/buildRunner';
import { outlineDockerfile } from '../../build/dockerfileOutline';
import type { DeliveryServices } from './deliveryServices';

const DOCKERFILES = '**/{Dockerfile,Dockerfile.*,*.dockerfile,*.Dockerfile,Containerfile}';

export function buildImage(services: DeliveryServices, runner: BuildRunner) {
  return async (uri?: unknown, answers?: unknown): Promise<BuildOutcome> => {
    const dockerfile = uri instanceof vscode.Uri ? uri : await pickDockerfile();
    const text = (await vscode.workspace.openTextDocument(dockerfile)).getText();
    const given = answers && typeof answers === 'object' && !Array.isArray(answers) ? (answers as Partial<BuildChoices>) : {};
    const choices = await askBuildChoices(dockerfile, outlineDockerfile(text), services.context.workspaceState, {
      ...given,
      contextDir: given.contextDir ? path.resolve(path.dirname(dockerfile.fsPath), given.contextDir) : undefined,
    });
    const builder = vscode.workspace.getConfiguration('dockside').get<'auto' | 'classic' | 'buildkit'>('build.builder', 'auto');
    return runner.build(dockerfile, choices, builder);
  };
}

async function pickDockerfile(): Promise<vscode.Uri> {
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'dockerfile' && active.uri.scheme === 'file') return active.uri;
  const found = await vscode.workspace.findFiles(DOCKERFILES, '**/node_modules/**', 200);
  if (found.length === 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: found.length ? vscode.l10n.t('Choose the Dockerfile to build') : vscode.l10n.t('No Dockerfile in this workspace') },
  );
  if (!picked) throw new vscode.CancellationError();
  return picked.uri;
}
