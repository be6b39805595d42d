// The compose commands: id → handler.
import type * as vscode from 'vscode';
import { ComposeConfigCheck } from '../../compose/composeConfigCheck';
import { ComposeService } from '../../compose/composeService';
import { ProjectChoices } from '../../compose/projectChoices';
import { ComposeCommands } from '../../compose/composeCommandIds';
import type { TerminalServices } from '../../terminals/terminalServices';
import type { CommandHandler } from '../commandWrapper';
import { composeDown } from './composeDown';
import { composeLogs } from './composeLogs';
import { composeUp } from './composeUp';
import { configureProject } from './configureProject';
import { openComposeFile } from './openComposeFile';
import { projectVerb } from './projectVerbs';
import { followServiceLogs, openServiceShell, restartService, upService } from './serviceCommands';
import { showRenderedConfig } from './showRenderedConfig';
import type { ComposeCommandContext } from './composeCommandContext';

export function composeCommandTable(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, terminals: TerminalServices): { handlers: Record<string, CommandHandler>; disposables: vscode.Disposable[] } {
  const compose = new ComposeService(log);
  const ctx: ComposeCommandContext = { compose, choices: new ProjectChoices(context.workspaceState), terminals, workspaceState: context.workspaceState };
  const configCheck = new ComposeConfigCheck(compose, ctx.choices, log);
  return {
    handlers: {
      [ComposeCommands.up]: composeUp(ctx),
      [ComposeCommands.down]: composeDown(ctx),
      [ComposeCommands.start]: projectVerb(ctx, 'start'),
      [ComposeCommands.stop]: projectVerb(ctx, 'stop'),
      [ComposeCommands.restart]: projectVerb(ctx, 'restart'),
      [ComposeCommands.pull]: projectVerb(ctx, 'pull'),
      [ComposeCommands.build]: projectVerb(ctx, 'build'),
      [ComposeCommands.logs]: composeLogs(ctx),
      [ComposeCommands.showConfig]: showRenderedConfig(ctx),
      [ComposeCommands.upService]: upService(ctx),
      [ComposeCommands.restartService]: restartService(ctx),
      [ComposeCommands.openServiceShell]: openServiceShell(ctx),
      [ComposeCommands.followServiceLogs]: followServiceLogs(ctx),
      [ComposeCommands.configureProject]: configureProject(ctx),
      [ComposeCommands.openComposeFile]: openComposeFile(ctx),
    },
    disposables: [compose, configCheck],
  };
}
