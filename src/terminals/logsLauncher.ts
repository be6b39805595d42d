// Opens logs terminals: one per container, or one interleaving a whole compose project.
import type { LogSource } from './logPipeline';
import { LogsTerminal, type LogsTerminalOptions } from './logsTerminal';
import type { TerminalServices } from './terminalServices';
import { logSettings } from './terminalSettings';

export type LogChoices = Partial<Pick<LogsTerminalOptions, 'tail' | 'since' | 'timestamps'>>;

export function openLogsTerminal(terminals: TerminalServices, name: string, containers: readonly LogSource[], choices: LogChoices = {}): LogsTerminal {
  const settings = logSettings();
  const pty = new LogsTerminal(terminals.session, {
    sources: containers.map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
    tail: 'tail' in choices ? choices.tail : settings.tail,
    since: choices.since,
    timestamps: choices.timestamps ?? settings.timestamps,
    windowLines: settings.windowLines,
  });
  terminals.registry.open(name, pty, 'output');
  return pty;
}
