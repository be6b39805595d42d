// Registers the `dockside` task provider at activation, but loads it (and the run and compose modules it
// uses) only when VS Code first asks for tasks: activation stays cheap.
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';
import { TASK_TYPE } from './taskDefinitions';

export function registerDocksideTasks(session: EngineSession, log: vscode.LogOutputChannel, context: vscode.ExtensionContext): vscode.Disposable {
  let provider: import('./docksideTaskProvider').DocksideTaskProvider | undefined;
  const load = () => {
    // Required here, not imported above: the bundle evaluates the provider only when tasks are asked for.
    const { DocksideTaskProvider } = require('./docksideTaskProvider') as typeof import('./docksideTaskProvider');
    return (provider ??= new DocksideTaskProvider(session, log, context.globalState, context.workspaceState, context.secrets));
  };
  const registration = vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: (token) => load().provideTasks(token),
    resolveTask: (task) => load().resolveTask(task),
  });
  return registration;
}
