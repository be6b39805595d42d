// Engines → Use: `docker context use`, which changes the docker CLI's engine too, so it asks first.
import * as vscode from 'vscode';
import type { EngineRegistry } from '../../session/engineRegistry';
import { confirmChoice } from '../../manage/runOnTargets';
import { engineArgument } from './engineArgument';

export function useContext(registry: EngineRegistry): (node?: unknown) => Promise<void> {
  return async (node) => {
    const c = await engineArgument(registry, node, vscode.l10n.t('Use Docker Context'), (e) => e.kind === 'context');
    if (!c?.contextName) return;
    const use = vscode.l10n.t('Use for the CLI Too');
    await confirmChoice(
      vscode.l10n.t('Make "{0}" the current docker context?', c.contextName),
      vscode.l10n.t('This is what "docker context use {0}" does: the docker CLI in every terminal, and other tools that follow the current context, will talk to {1}. To look at an engine only in this window, use "Show in This Window" instead.', c.contextName, c.host),
      use,
    );
    const engine = await registry.engine();
    new engine.ContextStore(process.env).use(c.contextName);
    registry.refresh();
    // The file watcher follows it too, but only for the DOCKER_CONFIG it started with: reconnect now.
    void registry.primary.connect();
    void vscode.window.showInformationMessage(vscode.l10n.t('Current docker context is now "{0}".', c.contextName));
  };
}
