// Adds a container folder to the workspace as a folder of the container scheme: the Explorer, search in
// files and editors then work on it like on any folder.
import * as vscode from 'vscode';
import type { ContainerFiles } from '../../files/containerFiles';
import { directoryOf, fileArgument, folderName, noFileSelected } from './fileNodeArgument';

export function openFolderInExplorer(files: ContainerFiles) {
  return async (arg: unknown): Promise<void> => {
    const target = fileArgument(arg);
    if (!target) return noFileSelected();
    const uri = await directoryOf(target, (u) => files.fs.stat(u));
    await addWorkspaceFolder(uri, folderName({ ...target, uri }));
  };
}

/** Adds `uri` as a workspace folder (once) and shows the Explorer. */
export async function addWorkspaceFolder(uri: vscode.Uri, name: string): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.some((f) => f.uri.toString() === uri.toString())) {
    const added = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        listener.dispose();
        resolve();
      });
    });
    if (!vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri, name })) {
      throw new Error(`the workspace refused the folder ${uri.toString()}`);
    }
    await added;
  }
  await vscode.commands.executeCommand('workbench.view.explorer');
}
