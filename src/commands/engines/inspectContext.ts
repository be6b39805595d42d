// Engines → Inspect: what `docker context inspect` prints, in a read-only JSON editor.
import * as vscode from 'vscode';
import type { EngineRegistry } from '../../session/engineRegistry';
import { engineArgument } from './engineArgument';

export function inspectContext(registry: EngineRegistry): (node?: unknown) => Promise<void> {
  return async (node) => {
    const c = await engineArgument(registry, node, vscode.l10n.t('Inspect Docker Context'), (e) => e.kind === 'context');
    if (!c?.contextName) return;
    const engine = await registry.engine();
    const content = JSON.stringify([new engine.ContextStore(process.env).inspect(c.contextName)], null, 4);
    const document = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(document, { preview: true });
  };
}
