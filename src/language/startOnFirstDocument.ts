// Runs `start` once, the first time a document of the language is open (now or later), and not before:
// language clients and their server processes cost nothing to users who never open such a file.
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';

export function startOnFirstDocument(languageId: string, start: () => void): vscode.Disposable {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    listener.dispose();
    start();
  };
  const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
    if (doc.languageId === languageId) once();
  });
  if (vscode.workspace.textDocuments.some((doc) => doc.languageId === languageId)) once();
  return listener;
}

/** The local engine's image references (`repo:tag`), for image completion in the language servers. */
export async function engineImageNames(session: EngineSession): Promise<string[]> {
  const images = await (await session.client()).listImages();
  return images.flatMap((image) => image.repoTags);
}
