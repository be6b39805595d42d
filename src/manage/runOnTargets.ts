// Runs one operation on every selected object and never leaves a partial failure silent: the others
// finish, and one message names each object that failed with its mapped sentence (the log has the rest).
import * as vscode from 'vscode';
import { showErrorWithLog } from '../log';
import type { SessionServices } from '../session/sessionServices';
import type { EngineClient } from '../engine/index';
import type { EngineDocuments } from '../inspect/readOnlyDocuments';

export interface ManageServices extends SessionServices {
  /** Asks the explorer views to show the engine's new state now rather than on the next event. */
  readonly refreshViews: () => void;
  readonly documents: EngineDocuments;
}

export interface RunOptions {
  /** Shown in the window's progress area while the operation runs, e.g. "Stopping containers". */
  readonly progressTitle: string;
  /** Operations that contend for the same engine resource (removing images sharing layers) run one by one. */
  readonly sequential?: boolean;
}

/**
 * A single target fails like any command (its mapped sentence through the wrapper). Several targets all
 * run; the ones that fail are reported together. Returns the targets that succeeded.
 */
export async function runOnTargets<T>(
  services: ManageServices,
  targets: readonly T[],
  nameOf: (target: T) => string,
  operation: (client: EngineClient, target: T) => Promise<unknown>,
  options: RunOptions,
): Promise<T[]> {
  const client = await services.session.client();
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: services.session.titled(options.progressTitle) }, async () => {
      if (targets.length === 1) {
        await operation(client, targets[0]);
        return [...targets];
      }
      const outcomes = options.sequential
        ? await sequentially(targets, (t) => operation(client, t))
        : await Promise.allSettled(targets.map((t) => operation(client, t)));
      const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [{ target: targets[i], error: o.reason as unknown }] : []));
      if (failed.length > 0) void reportFailures(services, failed.map((f) => ({ name: nameOf(f.target), error: f.error })), targets.length, options.progressTitle);
      return targets.filter((_, i) => outcomes[i].status === 'fulfilled');
    });
  } finally {
    services.refreshViews();
  }
}

async function sequentially<T>(targets: readonly T[], run: (t: T) => Promise<unknown>): Promise<PromiseSettledResult<unknown>[]> {
  const outcomes: PromiseSettledResult<unknown>[] = [];
  for (const target of targets) {
    try {
      outcomes.push({ status: 'fulfilled', value: await run(target) });
    } catch (reason) {
      outcomes.push({ status: 'rejected', reason });
    }
  }
  return outcomes;
}

async function reportFailures(services: ManageServices, failed: { name: string; error: unknown }[], total: number, what: string): Promise<void> {
  const engine = await services.session.engine();
  const reasons = failed.map(({ name, error }) => `${name}: ${engine.isEngineError(error) ? engine.describeEngineError(error) : String(error)}`);
  const sentence = vscode.l10n.t('{0}: {1} of {2} failed; the others are done. {3}', what, failed.length, total, reasons.join(' · '));
  // Not awaited: the command is finished, only the message waits for the user.
  void showErrorWithLog(services.log, sentence, failed.map((f) => f.error));
}

/**
 * One question for the whole selection: the actions first, then what the user should know (names, who
 * uses what) as rows below. A QuickPick rather than a modal dialog: it keeps the editor usable, reads
 * well with long lists, and VS Code refuses modal dialogs while extension tests run. Picking an
 * information row asks again; Escape cancels the whole command.
 */
export async function confirmChoice<A extends string>(message: string, detail: string, ...actions: A[]): Promise<A> {
  const items: vscode.QuickPickItem[] = [
    ...actions.map((label) => ({ label })),
    { label: vscode.l10n.t('Details'), kind: vscode.QuickPickItemKind.Separator },
    ...detail.split('\n\n').filter(Boolean).map((line) => ({ label: `$(info) ${line}` })),
  ];
  for (;;) {
    const choice = await vscode.window.showQuickPick(items, { title: message, placeHolder: vscode.l10n.t('Choose what to do; Escape cancels'), ignoreFocusOut: true });
    if (!choice) throw new vscode.CancellationError();
    if ((actions as string[]).includes(choice.label)) return choice.label as A;
  }
}

/** "a, b, c and 4 more": names in a confirmation without an endless dialog. */
export function listNames(names: readonly string[], shown = 8): string {
  if (names.length <= shown) return names.join(', ');
  return vscode.l10n.t('{0} and {1} more', names.slice(0, shown).join(', '), names.length - shown);
}
