// Starts the compose language client the first time a compose file (VS Code's language id `dockercompose`)
// is open, and not before.
import * as vscode from 'vscode';
import { engineImageNames, startOnFirstDocument } from '../language/startOnFirstDocument';
import type { EngineSession } from '../session/engineSession';

export function launchComposeClientOnDemand(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, session: EngineSession): vscode.Disposable {
  return startOnFirstDocument('dockercompose', () => {
    import('../language/composeClient')
      .then((m) => m.startComposeClient(context, log, { listImageNames: () => engineImageNames(session) }))
      .then((client) => context.subscriptions.push(client))
      .catch((error) => log.error('The compose language server did not start', error));
  });
}
