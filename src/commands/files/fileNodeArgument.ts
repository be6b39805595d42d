// What the file commands act on: a Files row from the Containers view, or (from the Explorer's context
// menu on a container folder) a file URI of ours.
import * as vscode from 'vscode';
import type { FilesNode } from '../../files/filesTree';
import { isDirectoryNode, isFilesNode } from '../../files/filesTree';
import { isFileUri, parseFileUri } from '../../files/fileUri';

export interface FileArgument {
  readonly uri: vscode.Uri;
  /** True when the URI is known to be a directory (a Files row says so; a URI alone is stat'ed). */
  readonly directory?: boolean;
  readonly node?: FilesNode;
}

export function fileArgument(arg: unknown): FileArgument | undefined {
  if (isFilesNode(arg) && arg.role !== 'message') return { uri: arg.uri, directory: isDirectoryNode(arg), node: arg };
  if (arg instanceof vscode.Uri && isFileUri(arg)) return { uri: arg };
  return undefined;
}

/** The directory of an argument: itself when it is one, else its parent. */
export async function directoryOf(arg: FileArgument, stat: (uri: vscode.Uri) => Thenable<vscode.FileStat>): Promise<vscode.Uri> {
  const directory = arg.directory ?? ((await stat(arg.uri)).type & vscode.FileType.Directory) !== 0;
  return directory ? arg.uri : arg.uri.with({ path: arg.uri.path.replace(/\/[^/]+$/, '') });
}

/** "web: /etc" for a folder of the container named web. */
export function folderName(arg: FileArgument): string {
  const location = parseFileUri(arg.uri);
  const owner = arg.node?.containerName ?? (location.kind === 'volume' ? vscode.l10n.t('Volume {0}', location.target) : location.target);
  return `${owner}: ${location.path}`;
}

export function noFileSelected(): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('Choose a file or folder under Files in the Containers view first.'));
}
