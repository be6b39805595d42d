// The one wrapper every command runs through: cancellation is silent, an engine error becomes its
// mapped sentence, anything else one generic sentence; the whole error always goes to the log.
import * as vscode from 'vscode';
import type { SessionServices } from '../session/sessionServices';
import { showErrorWithLog } from '../log';
import { commandNeedsTrust, offerWorkspaceTrust, UntrustedWorkspace } from '../session/workspaceTrust';

/** Commands get what every session user gets (defined in session/, so that helpers below need not import commands/). */
export type CommandServices = SessionServices;

export type CommandHandler = (...args: unknown[]) => unknown;

export function registerCommand(id: string, services: CommandServices, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      // Restricted Mode: everything that runs or connects waits for the user to trust the workspace.
      if (commandNeedsTrust(id)) throw new UntrustedWorkspace();
      return await handler(...args);
    } catch (error) {
      if (error instanceof vscode.CancellationError) return undefined;
      if (error instanceof UntrustedWorkspace) {
        services.log.info(`"${id}" waits for workspace trust`);
        // Not awaited: the notice stays until dismissed, and the command must not wait for that.
        void offerWorkspaceTrust();
        return undefined;
      }
      const engine = await services.session.engine();
      if (engine.isEngineError(error)) {
        if (error.code === 'cancelled') return undefined;
        await showErrorWithLog(services.log, engine.describeEngineError(error), error);
      } else {
        const sentence = vscode.l10n.t('Dockside could not finish "{0}". The log has the details.', id);
        await showErrorWithLog(services.log, sentence, error);
      }
      return undefined;
    }
  });
}
