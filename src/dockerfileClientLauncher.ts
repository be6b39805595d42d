// Starts the Dockerfile language client the first time a Dockerfile is open, and not before: the client
// bundle and the server process cost nothing to users who never open one.
import * as vscode from 'vscode';
import type { EngineSession } from './session/engineSession';

const DOCKERFILE_LANGUAGE = 'dockerfile';

export function launchDockerfileClientOnDemand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  session: EngineSession,
): vscode.Disposable {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    listener.dispose();
    const services = {
      listImageNames: async () => {
        const images = await (await session.client()).listImages();
        return images.flatMap((image) => image.repoTags);
      },
    };
    import('./language/client')
      .then((m) => m.startDockerfileClient(context, log, services))
      .then((client) => context.subscriptions.push(client))
      .catch((error) => log.error('The Dockerfile language server did not start', error));
  };
  const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
    if (doc.languageId === DOCKERFILE_LANGUAGE) start();
  });
  if (vscode.workspace.textDocuments.some((doc) => doc.languageId === DOCKERFILE_LANGUAGE)) start();
  return listener;
}
