// Every command id → its handler, registered once through the shared wrapper.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { ContainersProvider } from '../tree/containers/containersProvider';
import { registerCommand, type CommandServices } from './commandWrapper';
import { openEngineSettings } from './openEngineSettings';
import { refreshContainers } from './refreshContainers';
import { retryEngine } from './retryEngine';
import { showEngineDetails } from './showEngineDetails';
import { showLog } from './showLog';

export interface CommandDependencies extends CommandServices {
  readonly containers: ContainersProvider;
}

export function registerCommands(deps: CommandDependencies): vscode.Disposable {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    [Commands.retryEngine]: retryEngine(deps),
    [Commands.showEngineDetails]: showEngineDetails(deps),
    [Commands.openEngineSettings]: openEngineSettings(),
    [Commands.showLog]: showLog(deps),
    [Commands.refreshContainers]: refreshContainers(deps.containers),
  };
  return vscode.Disposable.from(...Object.entries(table).map(([id, handler]) => registerCommand(id, deps, handler)));
}
