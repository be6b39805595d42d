// A refusal is a sentence for the user (bad input, nothing to act on), not a failure to log: the command
// shows it as it is. Everything else still goes to the shared command wrapper.
import * as vscode from 'vscode';

export class Refusal extends Error {
  override readonly name = 'Refusal';
}

/** Wraps a command handler so a Refusal is shown as a warning instead of the wrapper's generic sentence. */
export function showingRefusals<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      void vscode.window.showWarningMessage(error.message);
      return undefined;
    }
  };
}
