// Dropping files or folders from the local Explorer (or the desktop) onto a folder of a container's Files
// tree uploads them there, as "Upload..." does.
import * as vscode from 'vscode';
import type { ContainerFileSystem } from './containerFileSystem';
import { uploadInto } from './fileTransfers';
import { isDirectoryNode, isFilesNode } from './filesTree';

export class FilesDragAndDrop implements vscode.TreeDragAndDropController<unknown> {
  readonly dropMimeTypes = ['text/uri-list'];
  readonly dragMimeTypes: string[] = [];

  constructor(
    private readonly fs: ContainerFileSystem,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async handleDrop(target: unknown, dataTransfer: vscode.DataTransfer): Promise<void> {
    if (!isFilesNode(target) || target.role === 'message') return;
    const dir = isDirectoryNode(target) ? target.uri : vscode.Uri.joinPath(target.uri, '..');
    const text = await dataTransfer.get('text/uri-list')?.asString();
    const locals = (text ?? '')
      .split(/\r?\n/)
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => vscode.Uri.parse(line.trim()))
      .filter((uri) => uri.scheme === 'file');
    if (locals.length === 0) return;
    try {
      await uploadInto(this.fs, locals, dir);
    } catch (error) {
      if (error instanceof vscode.CancellationError || (error as { code?: string }).code === 'cancelled') return;
      this.log.error('Upload by drag and drop failed', error);
      void vscode.window.showErrorMessage(vscode.l10n.t('The upload failed: {0}', error instanceof Error ? error.message : String(error)));
    }
  }
}
