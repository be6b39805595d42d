// The "Files" row under each container in the Containers view, and the folders and files below it: theme
// icons through resourceUri, size and mode in the description, symlinks as links. Listings come from the
// container file system, so the tree, the Explorer and editors share one cache and one set of events.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { modeString, type FileEntry } from '../models/fileEntry';
import type { ContainerSummary } from '../models/container';
import type { ContainerChildNode, ContainerChildSource } from '../tree/containers/containerChildren';
import { escapeMarkdown as md, formatBytes, formatDate } from '../tree/format';
import type { ContainerNode } from '../tree/nodes';
import type { ContainerFileSystem } from './containerFileSystem';
import { containerFileUri, isFileUri } from './fileUri';

export const FILES_SOURCE = 'files';

/** A row of the Files tree. Commands get it from the menus: `uri` is what they act on. */
export interface FilesNode extends ContainerChildNode {
  readonly source: typeof FILES_SOURCE;
  readonly role: 'root' | 'entry' | 'message';
  readonly uri: vscode.Uri;
  readonly containerName: string;
  readonly container: ContainerSummary;
  entry?: FileEntry;
  /** For a 'message' row: what went wrong listing its parent. */
  readonly message?: string;
}

export function isFilesNode(node: unknown): node is FilesNode {
  return (node as FilesNode | undefined)?.kind === 'containerChild' && (node as FilesNode).source === FILES_SOURCE;
}

/** True for a row that stands for a directory (the Files root, a folder, a link to a folder). */
export function isDirectoryNode(node: FilesNode): boolean {
  return node.role === 'root' || (!!node.entry && (node.entry.type === 'directory' || (node.entry.type === 'symlink' && node.entry.targetType === 'directory')));
}

export class FilesTree implements ContainerChildSource, vscode.Disposable {
  readonly id = FILES_SOURCE;
  private readonly changed = new vscode.EventEmitter<ContainerChildNode | undefined>();
  readonly onDidChange = this.changed.event;
  /** Directory rows shown, by URI: what a change event of the file system repaints. */
  private readonly directories = new Map<string, FilesNode>();
  private readonly stale = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  /** `engineId`: the id of the engine whose container rows this tree hangs under (one tree per engine shown). */
  constructor(
    private readonly fs: ContainerFileSystem,
    private readonly engineId: () => string,
  ) {
    this.disposables = [fs.onDidChangeFile((events) => this.onFilesChanged(events)), this.changed];
  }

  childrenOfContainer(node: ContainerNode): ContainerChildNode[] {
    const uri = containerFileUri(this.engineId(), node.container.id);
    const root: FilesNode = { kind: 'containerChild', source: FILES_SOURCE, id: `${node.id}/files`, role: 'root', uri, containerName: node.container.name, container: node.container };
    this.directories.set(uri.toString(), root);
    return [root];
  }

  async children(node: ContainerChildNode): Promise<ContainerChildNode[]> {
    if (!isFilesNode(node) || !isDirectoryNode(node)) return [];
    const key = node.uri.toString();
    const fresh = this.stale.delete(key);
    try {
      const entries = await this.fs.list(node.uri, { fresh });
      return sortEntries(entries).map((entry) => {
        const uri = vscode.Uri.joinPath(node.uri, entry.name);
        const child: FilesNode = { kind: 'containerChild', source: FILES_SOURCE, id: `${node.id}/${entry.name}`, role: 'entry', uri, entry, containerName: node.containerName, container: node.container };
        if (isDirectoryNode(child)) this.directories.set(uri.toString(), child);
        return child;
      });
    } catch (error) {
      // One row saying what went wrong, never a popup: the tree is background work.
      const message = error instanceof Error ? error.message : String(error);
      const row: FilesNode = { kind: 'containerChild', source: FILES_SOURCE, id: `${node.id}/:error`, role: 'message', uri: node.uri, message, containerName: node.containerName, container: node.container };
      return [row];
    }
  }

  /**
   * Files rows carry no TreeItem id (VS Code then keys them by parent, position and label, which is as stable):
   * a listing is async, and when an engine event repaints the container row while a folder's listing is on its
   * way, VS Code registers that folder's rows twice and, for rows with ids, shows "Element with id … is already
   * registered" instead of the rows.
   */
  treeItem(node: ContainerChildNode): vscode.TreeItem {
    const n = node as FilesNode;
    if (n.role === 'message') {
      const item = new vscode.TreeItem(n.message ?? '', vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = 'containerFilesMessage';
      return item;
    }
    if (n.role === 'root') {
      const item = new vscode.TreeItem(vscode.l10n.t('Files'), vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('files');
      item.description = n.container.state === 'running' ? '/' : vscode.l10n.t('/ (stopped: read and write through the engine)');
      item.tooltip = vscode.l10n.t('The files of {0}', n.containerName);
      item.contextValue = 'containerFiles+directory';
      return item;
    }
    return entryItem(n);
  }

  /** The refresh action on a row: re-read it (and forget what was cached below it). */
  /** Re-reads the folder of a row of this tree; false when the row is not this tree's. */
  refresh(node: FilesNode): boolean {
    const dir = isDirectoryNode(node) ? node : this.directories.get(node.uri.with({ path: posix.dirname(node.uri.path) }).toString());
    if (!dir) return false;
    this.fs.refresh(dir.uri);
    return true;
  }

  private onFilesChanged(events: readonly vscode.FileChangeEvent[]): void {
    for (const event of events) {
      if (!isFileUri(event.uri)) continue;
      const dir = this.directories.get(event.uri.toString());
      if (!dir || event.type !== vscode.FileChangeType.Changed) continue;
      this.stale.add(event.uri.toString());
      this.changed.fire(dir);
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

function sortEntries(entries: readonly FileEntry[]): FileEntry[] {
  const isDir = (e: FileEntry) => e.type === 'directory' || (e.type === 'symlink' && e.targetType === 'directory');
  return [...entries].sort((a, b) => Number(isDir(b)) - Number(isDir(a)) || a.name.localeCompare(b.name));
}

function entryItem(node: FilesNode): vscode.TreeItem {
  const entry = node.entry!;
  const directory = isDirectoryNode(node);
  const item = new vscode.TreeItem(node.uri, directory ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.label = entry.name;
  const mode = modeString(entry.mode);
  if (entry.type === 'symlink') {
    item.description = `→ ${entry.linkTarget ?? ''}`;
    item.iconPath = new vscode.ThemeIcon(directory ? 'file-symlink-directory' : 'file-symlink-file');
  } else {
    item.description = entry.type === 'file' ? `${formatBytes(entry.size)} · ${mode}` : mode;
  }
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${md(node.uri.path.split('/').slice(2).join('/') || '/')}**  \n`);
  if (entry.type === 'symlink') tooltip.appendMarkdown(`${vscode.l10n.t('Link to')} ${md(entry.linkTarget ?? '')}  \n`);
  if (entry.type === 'file') tooltip.appendMarkdown(`${vscode.l10n.t('Size')}: ${formatBytes(entry.size)}  \n`);
  tooltip.appendMarkdown(`${vscode.l10n.t('Mode')}: ${mode} (${entry.mode.toString(8).padStart(4, '0')})  \n`);
  tooltip.appendMarkdown(`${vscode.l10n.t('Owner')}: ${entry.uid}:${entry.gid}  \n`);
  if (entry.mtimeMs) tooltip.appendMarkdown(`${vscode.l10n.t('Modified')}: ${formatDate(entry.mtimeMs)}`);
  item.tooltip = tooltip;
  item.contextValue = `containerFile+${directory ? 'directory' : entry.type === 'file' || entry.type === 'symlink' ? 'file' : 'other'}${entry.type === 'symlink' ? '+symlink' : ''}`;
  if (!directory && entry.type !== 'other') item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [node.uri] };
  return item;
}
