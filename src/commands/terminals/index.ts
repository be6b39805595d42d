// The shell, attach, logs, stats, processes and changes commands: id → handler.
import { TerminalCommands } from '../../constants';
import type { TerminalServices } from '../../terminals/terminalServices';
import type { CommandHandler } from '../commandWrapper';
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

export function terminalCommandTable(terminals: TerminalServices): Record<string, CommandHandler> {
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
