// What the compose commands share: the compose runner, the remembered project choices, the terminals (shells
// and logs) and the engine session (to find a service's containers).
import * as vscode from 'vscode';
import { ComposeRunFailed, type ComposeService } from '../../compose/composeService';
import type { ComposeProjectSpec } from '../../compose/composeProject';
import type { ProjectChoices } from '../../compose/projectChoices';
import type { ContainerSummary } from '../../models/container';
import type { TerminalServices } from '../../terminals/terminalServices';
import { COMPOSE_LABELS, defaultProjectName } from '../../compose/composeProject';

export interface ComposeCommandContext {
  readonly compose: ComposeService;
  readonly choices: ProjectChoices;
  readonly terminals: TerminalServices;
  readonly workspaceState: vscode.Memento;
}

/** A failed compose run was already shown (sentence + Show Output) and logged: nothing more to say. */
export function composeHandler<A extends unknown[]>(handler: (...args: A) => Promise<unknown>): (...args: A) => Promise<unknown> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ComposeRunFailed) return undefined;
      throw error;
    }
  };
}

/** The services of the project as the CLI sees them (`config --services`). */
export async function listServices(ctx: ComposeCommandContext, spec: ComposeProjectSpec): Promise<string[]> {
  const result = await ctx.compose.run({ spec, args: ['config', '--services'], title: vscode.l10n.t('List services'), quiet: true });
  return result.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
}

export function projectNameOf(spec: ComposeProjectSpec): string {
  return spec.name ?? defaultProjectName(spec.directory);
}

/** The project's containers on the engine (all states), optionally of one service. */
export async function projectContainers(ctx: ComposeCommandContext, spec: ComposeProjectSpec, service?: string): Promise<ContainerSummary[]> {
  const client = await ctx.terminals.session.client();
  const label = [`${COMPOSE_LABELS.project}=${projectNameOf(spec)}`, ...(service ? [`${COMPOSE_LABELS.service}=${service}`] : [])];
  return (await client.listContainers({ label })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The service to act on: the one the command came from, else a pick. */
export async function pickService(ctx: ComposeCommandContext, spec: ComposeProjectSpec, given: string | undefined, placeHolder: string): Promise<string> {
  if (given) return given;
  const picked = await vscode.window.showQuickPick(await listServices(ctx, spec), { placeHolder });
  if (!picked) throw new vscode.CancellationError();
  return picked;
}
