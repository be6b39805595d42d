// Starts the compose language client the first time a compose file (VS Code's language id `dockercompose`)
// is open, and not before: users who never open one pay nothing for the client bundle or the server process.
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';

const COMPOSE_LANGUAGE = 'dockercompose';

export function launchComposeClientOnDemand(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, session: EngineSession): vscode.Disposable {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    listener.dispose();
    const services = {
      listImageNames: async () => (await (await session.client()).listImages()).flatMap((image) => image.repoTags),
    };
    import('../language/composeClient')
      .then((m) => m.startComposeClient(context, log, services))
      .then((client) => context.subscriptions.push(client))
      .catch((error) => log.error('The compose language server did not start', error));
  };
  const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
    if (doc.languageId === COMPOSE_LANGUAGE) start();
  });
  if (vscode.workspace.textDocuments.some((doc) => doc.languageId === COMPOSE_LANGUAGE)) start();
  return listener;
}
