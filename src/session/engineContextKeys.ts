// Mirrors the engine state into context keys, so welcome views and menus can follow it.
import * as vscode from 'vscode';
import { ContextKeys } from '../constants';
import type { EngineSession } from './engineSession';
import type { EngineState } from './engineState';

export function bindEngineContextKeys(session: EngineSession): vscode.Disposable {
  const apply = (state: EngineState) => {
    void vscode.commands.executeCommand('setContext', ContextKeys.engineState, state.kind);
    void vscode.commands.executeCommand('setContext', ContextKeys.engineError, state.kind === 'failed' ? state.code : '');
  };
  apply(session.state);
  return session.onDidChangeState(apply);
}
