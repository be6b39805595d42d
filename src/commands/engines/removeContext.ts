// Engines → Remove: `docker context rm -f` after a confirmation; the current context falls back to default.
import * as vscode from 'vscode';
import type { EngineRegistry } from '../../session/engineRegistry';
import { confirmChoice } from '../../manage/runOnTargets';
import { engineArgument } from './engineArgument';

export function removeContext(registry: EngineRegistry): (node?: unknown) => Promise<void> {
  return async (node) => {
    const c = await engineArgument(registry, node, vscode.l10n.t('Remove Docker Context'), (e) => e.kind === 'context' && e.contextName !== 'default');
    if (!c?.contextName) return;
    if (c.contextName === 'default') {
      void vscode.window.showInformationMessage(vscode.l10n.t('The default context is built into the docker CLI and cannot be removed.'));
      return;
    }
    const remove = vscode.l10n.t('Remove');
    const detail = c.current
      ? vscode.l10n.t('It is the current context: the docker CLI goes back to the default context. Its TLS files are deleted too.')
      : vscode.l10n.t('Its TLS files are deleted too. The engine itself is not touched.');
    await confirmChoice(vscode.l10n.t('Remove the docker context "{0}"?', c.contextName), detail, remove);
    const engine = await registry.engine();
    new engine.ContextStore(process.env).remove(c.contextName);
    if (registry.workspaceEngine()?.id === c.id) await registry.setWorkspaceEngine(undefined);
    registry.drop(c.id);
  };
}
