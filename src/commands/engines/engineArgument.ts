// The engine a command acts on: the row it was invoked on, or, from the palette, the one the user picks.
import * as vscode from 'vscode';
import type { EngineCandidate, EngineRegistry } from '../../session/engineRegistry';
import type { EngineNode } from '../../tree/engines/enginesProvider';

export async function engineArgument(
  registry: EngineRegistry,
  node: unknown,
  title: string,
  accept: (c: EngineCandidate) => boolean = () => true,
): Promise<EngineCandidate | undefined> {
  const fromRow = (node as EngineNode | undefined)?.kind === 'engine' ? (node as EngineNode).candidate : undefined;
  if (fromRow) return fromRow;
  const candidates = (await registry.candidates()).filter(accept);
  if (!candidates.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no engine this command can act on.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((c) => ({ label: c.label, description: c.host, detail: c.current ? vscode.l10n.t('current docker context') : undefined, candidate: c })),
    { title, placeHolder: vscode.l10n.t('Which engine?') },
  );
  return picked?.candidate;
}
