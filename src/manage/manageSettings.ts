// The settings the management commands read, typed in one place.
import * as vscode from 'vscode';

/** Seconds between the stop signal (SIGTERM) and SIGKILL: `docker stop -t`. */
export function stopTimeoutSeconds(): number {
  const value = vscode.workspace.getConfiguration('dockside').get<number>('containers.stopTimeoutSeconds', 10);
  return Number.isFinite(value) && value >= 0 ? Math.round(value) : 10;
}
