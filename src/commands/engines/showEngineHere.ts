// Engines → Show in This Window: the engine this workspace's views, commands and terminals use, kept in
// workspace state (chosen by the user, never read from the repository's files), without touching the docker
// CLI's current context. "Follow the Docker CLI" forgets the choice.
import * as vscode from 'vscode';
import type { EngineRegistry } from '../../session/engineRegistry';
import { engineArgument } from './engineArgument';

export function showEngineHere(registry: EngineRegistry): (node?: unknown) => Promise<void> {
  return async (node) => {
    const c = await engineArgument(registry, node, vscode.l10n.t('Show Engine in This Window'));
    if (c) await registry.setWorkspaceEngine(c);
  };
}

export function followCliEngine(registry: EngineRegistry): () => Promise<void> {
  return () => registry.setWorkspaceEngine(undefined);
}
