// Engines → Show in Explorer Too: the engine gets a root of its own in the Containers, Images, Networks and
// Volumes views beside the engine this window shows; Remove from Explorer takes it out again. The pins are
// kept per workspace (workspace state), like the engine shown here: one window can watch production while
// another watches the laptop, and the docker CLI's current context is never touched.
import * as vscode from 'vscode';
import type { EngineRegistry } from '../../session/engineRegistry';
import { engineArgument } from './engineArgument';

export function pinEngine(registry: EngineRegistry): (node?: unknown) => Promise<void> {
  return async (node) => {
    const pinned = new Set(registry.pinned().map((e) => e.id));
    const c = await engineArgument(registry, node, vscode.l10n.t('Show Engine in the Explorer Too'), (c) => !pinned.has(c.id) && !registry.isPrimary(c));
    if (!c) return;
    if (registry.isPrimary(c)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is the engine this window shows already.', c.label));
      return;
    }
    await registry.pin(c);
  };
}

export function unpinEngine(registry: EngineRegistry): (node?: unknown) => Promise<void> {
  return async (node) => {
    const id = pinnedIdOf(node);
    if (id) return registry.unpin(id);
    const pinned = registry.pinned();
    if (!pinned.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No other engine is shown in the explorer.'));
      return;
    }
    const picked = await vscode.window.showQuickPick(pinned.map((e) => ({ label: e.label, description: e.host, id: e.id })), {
      title: vscode.l10n.t('Remove Engine from the Explorer'),
      placeHolder: vscode.l10n.t('Which engine?'),
    });
    if (picked) await registry.unpin(picked.id);
  };
}

/** An Engines view row (its candidate's id) or an explorer engine root (its engine id). */
function pinnedIdOf(node: unknown): string | undefined {
  const n = node as { kind?: string; engineId?: string; candidate?: { id: string } } | undefined;
  if (n?.kind === 'engine') return n.candidate?.id;
  if (n?.kind === 'engineRoot') return n.engineId;
  return undefined;
}
