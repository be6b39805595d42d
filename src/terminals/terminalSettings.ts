// The settings of shells, logs and stats, read where they are used (each read is fresh: no restart needed).
import * as vscode from 'vscode';
import { userSetting } from '../settings';
import { splitCommandLine } from './userInput';

export interface ShellSettings {
  /** A custom command line, split on spaces; empty means bash when present, else sh. */
  readonly command: readonly string[];
  readonly user: string;
  readonly workdir: string;
}

export interface LogSettings {
  readonly tail: number | undefined;
  readonly timestamps: boolean;
  readonly windowLines: number;
}

export function shellSettings(): ShellSettings {
  const c = vscode.workspace.getConfiguration('dockside.shell');
  return {
    // Runs in the user's containers on every "Open Shell": the user's own settings only, never the repository's.
    command: splitCommandLine(userSetting(c, 'command', '')),
    user: c.get<string>('user', '').trim(),
    workdir: c.get<string>('workdir', '').trim(),
  };
}

export function logSettings(): LogSettings {
  const c = vscode.workspace.getConfiguration('dockside.logs');
  const tail = c.get<number>('tail', 500);
  return {
    tail: tail >= 0 ? Math.floor(tail) : undefined,
    timestamps: c.get<boolean>('timestamps', false),
    windowLines: Math.max(100, Math.floor(c.get<number>('windowLines', 10_000))),
  };
}
