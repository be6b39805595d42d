// The engine a command acts on: the row it was invoked on, or, from the palette, the one the user picks.
import * as vscode from 'vscode';
import type { EngineCandidate, EngineRegistry } from '../../session/engineRegistry';
import type { EngineModule } from '../../session/engineSession';
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

/** The InputBox check for a new context's name: the CLI's rule, and not taken already. */
export function newContextNameProblem(engine: EngineModule, store: InstanceType<EngineModule['ContextStore']>, value: string): string | undefined {
  try {
    engine.validateContextName(value);
  } catch {
    return vscode.l10n.t('Use letters, digits and _ . + -, starting with a letter or digit.');
  }
  return value === 'default' || store.get(value) ? vscode.l10n.t('A context named "{0}" already exists.', value) : undefined;
}
