// Which engine a command acts on. A row of an explorer view belongs to one engine (or says which, like an
// engine root row or the status bar's `{ engineId }`); from the palette, while several engines are shown,
// the user picks one; otherwise it is the primary engine, as it was before several could be shown.
import * as vscode from 'vscode';
import type { EngineRegistry } from '../session/engineRegistry';
import type { EngineSession } from '../session/engineSession';
import { stateWords } from '../tree/engineRoots';
import type { Explorer } from '../tree/explorer';

export async function commandEngine(registry: EngineRegistry, explorer: Explorer, args: readonly unknown[]): Promise<EngineSession> {
  const [node, nodes] = args;
  const named = engineNamed(registry, node);
  if (named) return named;
  const fromRow = explorer.engineOf(node) ?? (Array.isArray(nodes) ? nodes.map((n) => explorer.engineOf(n)).find(Boolean) : undefined);
  if (fromRow) return fromRow;
  const shown = registry.shown();
  if (shown.length === 1 || args.some((a) => a !== undefined)) return registry.primary;
  const picked = await vscode.window.showQuickPick(
    shown.map((session) => ({ label: registry.labelOf(session), description: stateWords(session.state), detail: session.state.endpoint?.host, session })),
    { title: vscode.l10n.t('Which engine?'), placeHolder: vscode.l10n.t('Several engines are shown: choose the one this command acts on') },
  );
  if (!picked) throw new vscode.CancellationError();
  return picked.session;
}

function engineNamed(registry: EngineRegistry, arg: unknown): EngineSession | undefined {
  const id = (arg as { engineId?: unknown } | undefined)?.engineId;
  return typeof id === 'string' ? registry.shown().find((s) => s.id === id) : undefined;
}
