// Input boxes for multi-step commands: a cancelled step cancels the whole command, silently.
import * as vscode from 'vscode';
import type { ContainerRef, EngineError } from '../engine/index';

type EngineModule = typeof import('../engine/index');

export async function askText(title: string, prompt: string, value = '', validateInput?: (v: string) => string | undefined): Promise<string> {
  const text = await vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput });
  if (text === undefined) throw new vscode.CancellationError();
  return text;
}

/** A conflict the engine reports on removal, with the containers that cause it named. */
export function withUsers(engine: EngineModule, error: unknown, users: readonly string[] | undefined): unknown {
  if (!engine.isEngineError(error) || error.code !== 'conflict' || !users?.length) return error;
  const e: EngineError = error;
  const engineMessage = vscode.l10n.t('{0} (used by {1})', e.details.engineMessage ?? e.message, users.join(', '));
  return new engine.EngineError('conflict', e.message, { ...e.details, engineMessage });
}

/** For each target, the containers that use it ("web (running)"), looked up in parallel; only targets in use. */
export async function usersByTarget<T>(targets: readonly T[], keyOf: (t: T) => string, lookup: (t: T) => Promise<ContainerRef[]>): Promise<Map<string, string[]>> {
  const found = await Promise.all(targets.map(async (t) => [keyOf(t), (await lookup(t)).map((c) => `${c.name} (${c.state})`)] as const));
  return new Map(found.filter(([, users]) => users.length > 0).map(([key, users]) => [key, [...users]]));
}

/** "name: a (running), b (exited); other: c" for a confirmation. */
export function describeUsers(users: ReadonlyMap<string, readonly string[]>, nameOf: (key: string) => string): string {
  return [...users.entries()].map(([key, list]) => `${nameOf(key)}: ${list.join(', ')}`).join('; ');
}
