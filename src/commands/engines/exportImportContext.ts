// Engines → Export / Import: `docker context export NAME FILE` and `docker context import NAME FILE`.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EngineRegistry } from '../../session/engineRegistry';
import { engineArgument, newContextNameProblem } from './engineArgument';

export function exportDockerContext(registry: EngineRegistry): (node?: unknown) => Promise<void> {
  return async (node) => {
    const c = await engineArgument(registry, node, vscode.l10n.t('Export Docker Context'), (e) => e.kind === 'context' && e.contextName !== 'default');
    if (!c?.contextName) return;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Docker Context'),
      defaultUri: vscode.Uri.file(path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd(), `${c.contextName}.dockercontext`)),
      filters: { [vscode.l10n.t('Docker context')]: ['dockercontext'] },
    });
    if (!target) return;
    const engine = await registry.engine();
    await engine.exportContext(new engine.ContextStore(process.env), c.contextName, target.fsPath);
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported "{0}" to {1}. It holds its TLS keys, if any: keep the file private.', c.contextName, target.fsPath));
  };
}

export function importDockerContext(registry: EngineRegistry): () => Promise<void> {
  return async () => {
    const files = await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Docker Context'), canSelectMany: false, filters: { [vscode.l10n.t('Docker context')]: ['dockercontext', 'tar'] } });
    const file = files?.[0]?.fsPath;
    if (!file) return;
    const engine = await registry.engine();
    const store = new engine.ContextStore(process.env);
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Import Docker Context'),
      prompt: vscode.l10n.t('Name of the new context'),
      value: path.basename(file).replace(/\.(dockercontext|tar)$/, ''),
      validateInput: (value) => newContextNameProblem(engine, store, value),
    });
    if (!name) return;
    await engine.importContext(store, name, file);
    registry.refresh();
    void vscode.window.showInformationMessage(vscode.l10n.t('Imported the docker context "{0}".', name));
  };
}
