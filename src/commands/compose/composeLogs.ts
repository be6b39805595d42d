// Compose Logs: the project's containers in the compose-logs terminal (the same one "Follow Compose Logs"
// opens: lines of every container, prefixed with its name, following restarts).
import * as vscode from 'vscode';
import { resolveTarget } from '../../compose/composeTargets';
import { TerminalCommands } from '../../constants';
import { composeHandler, projectNameOf, type ComposeCommandContext } from './composeCommandContext';

export function composeLogs(ctx: ComposeCommandContext) {
  return composeHandler(async (arg?: unknown) => {
    const target = await resolveTarget(arg, ctx.choices);
    if (!target) return;
    await vscode.commands.executeCommand(TerminalCommands.followComposeLogs, { project: projectNameOf(target.spec) });
  });
}
