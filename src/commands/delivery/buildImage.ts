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
    await saveBeforeBuild(dockerfile);
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
  // Not a Dockerfile in front: ask, even when the workspace has only one, so nothing builds by surprise.
  const found = await vscode.workspace.findFiles(DOCKERFILES, '**/node_modules/**', 200);
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: found.length ? vscode.l10n.t('Choose the Dockerfile to build') : vscode.l10n.t('No Dockerfile in this workspace') },
  );
  if (!picked) throw new vscode.CancellationError();
  return picked.uri;
}

/**
 * The engine reads the Dockerfile from disk: unsaved edits would silently not be built. Like VS Code's
 * `task.saveBeforeRun`, the dockside.build.saveBeforeBuild setting says whether to ask, save, or build as saved.
 */
async function saveBeforeBuild(dockerfile: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === dockerfile.toString());
  if (!document?.isDirty) return;
  const mode = vscode.workspace.getConfiguration('dockside').get<'prompt' | 'always' | 'never'>('build.saveBeforeBuild', 'prompt');
  if (mode === 'never') return;
  if (mode === 'prompt') {
    const save = { label: vscode.l10n.t('Save and Build'), save: true };
    const asSaved = { label: vscode.l10n.t('Build the Saved File'), description: vscode.l10n.t('without the unsaved changes'), save: false };
    const choice = await vscode.window.showQuickPick([save, asSaved], {
      title: vscode.l10n.t('{0} has unsaved changes', vscode.workspace.asRelativePath(dockerfile)),
      placeHolder: vscode.l10n.t('The engine builds the file as it is on disk (dockside.build.saveBeforeBuild sets what happens here)'),
    });
    if (!choice) throw new vscode.CancellationError();
    if (!choice.save) return;
  }
  if (!(await document.save())) throw new Error(vscode.l10n.t('Could not save {0}.', vscode.workspace.asRelativePath(dockerfile)));
}
