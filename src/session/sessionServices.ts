// What every command and manage helper is given: the engine session it acts on and the log channel.
// Here, below commands/, so that manage/ and other helpers need not import from commands/.
import type * as vscode from 'vscode';
import type { EngineSession } from './engineSession';

export interface SessionServices {
  readonly session: EngineSession;
  readonly log: vscode.LogOutputChannel;
}
