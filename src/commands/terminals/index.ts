// The shell, attach, logs, stats, processes and changes commands: id → handler, registered through the
// shared wrapper like the main table.
import * as vscode from 'vscode';
import { TerminalCommands } from '../../constants';
import type { TerminalServices } from '../../terminals/terminalServices';
import { registerCommand, type CommandServices } from '../commandWrapper';
import { attachContainer } from './attachContainer';
import { filterLogs } from './filterLogs';
import { followComposeLogs } from './followComposeLogs';
import { followLogs } from './followLogs';
import { followLogsWithOptions } from './followLogsWithOptions';
import { openShell } from './openShell';
import { openShellAs } from './openShellAs';
import { saveLogs } from './saveLogs';
import { showChanges } from './showChanges';
import { showProcesses } from './showProcesses';
import { showStats } from './showStats';

export function terminalCommands(terminals: TerminalServices): Record<string, (...args: unknown[]) => unknown> {
  return {
    [TerminalCommands.openShell]: openShell(terminals),
    [TerminalCommands.openShellAs]: openShellAs(terminals),
    [TerminalCommands.attach]: attachContainer(terminals),
    [TerminalCommands.followLogs]: followLogs(terminals),
    [TerminalCommands.followLogsWithOptions]: followLogsWithOptions(terminals),
    [TerminalCommands.followComposeLogs]: followComposeLogs(terminals),
    [TerminalCommands.filterLogs]: filterLogs(terminals),
    [TerminalCommands.saveLogs]: saveLogs(terminals),
    [TerminalCommands.showStats]: showStats(terminals),
    [TerminalCommands.showProcesses]: showProcesses(terminals),
    [TerminalCommands.showChanges]: showChanges(terminals),
  };
}

export function registerTerminalCommands(services: CommandServices, terminals: TerminalServices): vscode.Disposable {
  return vscode.Disposable.from(...Object.entries(terminalCommands(terminals)).map(([id, handler]) => registerCommand(id, services, handler)));
}
