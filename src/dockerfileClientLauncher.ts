// Starts the Dockerfile language client the first time a Dockerfile is open, and not before: the client
// bundle and the server process cost nothing to users who never open one.
import * as vscode from 'vscode';
import { engineImageNames, startOnFirstDocument } from './language/startOnFirstDocument';
import type { EngineSession } from './session/engineSession';

const DOCKERFILE_LANGUAGE = 'dockerfile';

export function launchDockerfileClientOnDemand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  session: EngineSession,
): vscode.Disposable {
  return startOnFirstDocument(DOCKERFILE_LANGUAGE, () => {
    import('./language/client')
      .then((m) => m.startDockerfileClient(context, log, {
        listImageNames: () => engineImageNames(session),
        watchLocalImages: (send) => m.watchLocalImages(session, send, log),
      }))
      .then((client) => context.subscriptions.push(client))
      .catch((error) => log.error('The Dockerfile language server did not start', error));
  });
}
