// The file system of containers and volumes, for editors, the Explorer, search and the Files tree. Reads
// and writes go through the archive API (running, stopped and shell-less containers alike); delete and
// rename need an exec, and say why when the container cannot run one. Our own writes fire change events;
// nothing polls (a refresh re-reads).
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { FileEntry } from '../models/fileEntry';
import { DirectoryCache } from './directoryCache';
import type { FileTarget, FileTargets } from './fileTargets';
import { parseFileUri, targetKey, type FileLocation } from './fileUri';

type EngineModule = typeof import('../engine/index');

export class ContainerFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly cache = new DirectoryCache();

  constructor(
    private readonly targets: FileTargets,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Engine changes cannot be watched through the API; our own writes fire events (see `fire`). */
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    return this.guard(uri, async (location, target) => {
      const entry = await this.entryOf(location, target, location.path);
      return toFileStat(entry, target.readOnlyReason(location.path));
    });
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const entries = await this.list(uri);
    return entries.map((e) => [e.name, fileTypeOf(e)]);
  }

  /** A directory's entries with everything a tree row shows (size, mode, owner, link target). */
  async list(uri: vscode.Uri, options: { fresh?: boolean } = {}): Promise<FileEntry[]> {
    return this.guard(uri, async (location, target) => {
      const key = targetKey(location);
      if (options.fresh) this.cache.drop(key, location.path, true);
      const prefetched = this.cache.get(key, location.path, true);
      if (prefetched) return [...prefetched.values()];
      const started = Date.now();
      const listing = await target.engine.listDirectory(target.client, target.facts, target.containerPath(location.path));
      if (listing.tree) this.cache.putTree(key, location.path, listing.tree);
      else this.cache.put(key, location.path, listing.entries);
      this.log.trace(`Listed ${uri.toString()} (${listing.entries.length} entries, ${listing.via}) in ${Date.now() - started} ms`);
      return [...listing.entries];
    });
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return this.guard(uri, async (location, target) => {
      const file = await target.engine.readFile(target.client, target.containerId, target.containerPath(location.path));
      // The editor API takes the whole file; uploads and downloads stream instead (transfers.ts).
      const chunks: Buffer[] = [];
      for await (const chunk of file.content) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    await this.guard(uri, async (location, target) => {
      this.refuseReadOnly(target, location.path);
      const existing = await this.entryOf(location, target, location.path).catch(notFoundAsUndefined);
      if (existing && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
      if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
      if (existing && fileTypeOf(existing) & vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
      // A symlink is written through: its target is replaced, the link stays.
      const path = existing?.type === 'symlink' ? await this.resolveLink(target, location.path) : location.path;
      const owner = existing?.type === 'file' ? await this.ownerEntry(target, path) : await this.ownerEntry(target, posix.dirname(path));
      const header = { name: posix.basename(path), mode: existing?.type === 'file' ? owner.mode : 0o644, uid: owner.uid, gid: owner.gid, mtime: new Date() };
      await target.engine.writeFile(target.client, target.containerId, target.containerPath(posix.dirname(path)), header, Buffer.from(content));
      this.touched(location, uri, existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created);
    });
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    await this.guard(uri, async (location, target) => {
      this.refuseReadOnly(target, location.path);
      if (await this.entryOf(location, target, location.path).catch(notFoundAsUndefined)) throw vscode.FileSystemError.FileExists(uri);
      const parent = await this.ownerEntry(target, posix.dirname(location.path));
      const header = { name: posix.basename(location.path), mode: 0o755, uid: parent.uid, gid: parent.gid, mtime: new Date() };
      await target.engine.makeDirectory(target.client, target.containerId, target.containerPath(posix.dirname(location.path)), header);
      this.touched(location, uri, vscode.FileChangeType.Created);
    });
  }

  async delete(uri: vscode.Uri, options: { recursive: boolean }): Promise<void> {
    await this.guard(uri, async (location, target) => {
      this.refuseReadOnly(target, location.path);
      this.refuseWithoutExec(target);
      await this.entryOf(location, target, location.path);
      await target.engine.removePath(target.client, target.facts, target.containerPath(location.path), options.recursive);
      this.touched(location, uri, vscode.FileChangeType.Deleted);
    });
  }

  async rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { overwrite: boolean }): Promise<void> {
    await this.guard(oldUri, async (from, target) => {
      const to = this.sameTarget(from, newUri);
      this.refuseReadOnly(target, from.path);
      this.refuseReadOnly(target, to.path);
      this.refuseWithoutExec(target);
      await this.entryOf(from, target, from.path);
      if (!options.overwrite && (await this.entryOf(to, target, to.path).catch(notFoundAsUndefined))) throw vscode.FileSystemError.FileExists(newUri);
      await target.engine.movePath(target.client, target.facts, target.containerPath(from.path), target.containerPath(to.path), options.overwrite);
      this.touched(from, oldUri, vscode.FileChangeType.Deleted);
      this.touched(to, newUri, vscode.FileChangeType.Created);
    });
  }

  async copy(source: vscode.Uri, destination: vscode.Uri, options: { overwrite: boolean }): Promise<void> {
    await this.guard(source, async (from, target) => {
      const to = this.sameTarget(from, destination);
      this.refuseReadOnly(target, to.path);
      await this.entryOf(from, target, from.path);
      const existing = await this.entryOf(to, target, to.path).catch(notFoundAsUndefined);
      if (existing && !options.overwrite) throw vscode.FileSystemError.FileExists(destination);
      if (existing) {
        this.refuseWithoutExec(target);
        await target.engine.removePath(target.client, target.facts, target.containerPath(to.path), true);
      }
      await target.engine.copyPath(target.client, target.containerId, target.containerPath(from.path), target.containerPath(posix.dirname(to.path)), posix.basename(to.path));
      this.touched(to, destination, existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created);
    });
  }

  /** Why a file cannot be written, for the status bar; undefined when it can (or is not ours). */
  async readOnlyReason(uri: vscode.Uri): Promise<string | undefined> {
    const location = parseFileUri(uri);
    const target = await this.targets.resolve(location);
    return target.readOnlyReason(location.path);
  }

  /** The refresh action: forget what is known below `uri` and tell every view to read again. */
  refresh(uri: vscode.Uri): void {
    const location = parseFileUri(uri);
    this.targets.forget(location);
    this.cache.drop(targetKey(location), location.path, true);
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  /** Something else (an upload, a download into it) changed `uri`: drop what is cached and tell the views. */
  changedOutside(uri: vscode.Uri, type = vscode.FileChangeType.Changed): void {
    this.touched(parseFileUri(uri), uri, type);
  }

  /** The engine module and client for a URI (uploads and downloads stream through them). */
  async targetOf(uri: vscode.Uri): Promise<{ location: FileLocation; target: FileTarget; engine: EngineModule }> {
    const location = parseFileUri(uri);
    const target = await this.targets.resolve(location);
    return { location, target, engine: target.engine };
  }

  private touched(location: FileLocation, uri: vscode.Uri, type: vscode.FileChangeType): void {
    const key = targetKey(location);
    this.cache.drop(key, posix.dirname(location.path));
    this.cache.drop(key, location.path, true);
    const parent = uri.with({ path: posix.dirname(uri.path) });
    this.changed.fire([{ type, uri }, { type: vscode.FileChangeType.Changed, uri: parent }]);
  }

  /** A path's entry: from a fresh listing of its parent, else from the engine's stat. */
  private async entryOf(location: FileLocation, target: FileTarget, path: string): Promise<FileEntry> {
    if (path === '/') return { name: '', type: 'directory', size: 0, mode: 0o755, mtimeMs: 0, uid: 0, gid: 0 };
    const listed = this.cache.get(targetKey(location), posix.dirname(path))?.get(posix.basename(path));
    if (listed) return listed;
    const stat = await target.engine.statPath(target.client, target.containerId, target.containerPath(path));
    if (stat.type !== 'symlink') return stat;
    const resolved = await target.engine.statPath(target.client, target.containerId, target.containerPath(await this.resolveLink(target, path))).catch(() => undefined);
    return { ...stat, targetType: resolved?.type ?? 'other' };
  }

  /** Where a symlink chain ends, as a path of the location. */
  private async resolveLink(target: FileTarget, path: string): Promise<string> {
    let current = path;
    for (let hop = 0; hop < 16; hop++) {
      const entry = await target.engine.pathEntry(target.client, target.containerId, target.containerPath(current));
      if (entry.type !== 'symlink' || !entry.linkTarget) return current;
      current = posix.resolve(posix.dirname(current), entry.linkTarget);
    }
    return current;
  }

  /** Owner and mode of a path, from a listing or its own tar header (the engine's stat has no owner). */
  private async ownerEntry(target: FileTarget, path: string): Promise<FileEntry> {
    return target.engine.pathEntry(target.client, target.containerId, target.containerPath(path));
  }

  private refuseReadOnly(target: FileTarget, path: string): void {
    const reason = target.readOnlyReason(path);
    if (reason) throw vscode.FileSystemError.NoPermissions(reason);
  }

  private refuseWithoutExec(target: FileTarget): void {
    const reason = target.execReason();
    if (reason) throw vscode.FileSystemError.NoPermissions(reason);
  }

  private sameTarget(from: FileLocation, uri: vscode.Uri): FileLocation {
    const to = parseFileUri(uri);
    if (targetKey(to) !== targetKey(from)) throw vscode.FileSystemError.Unavailable(vscode.l10n.t('Moving between containers is not supported: download and upload instead.'));
    return to;
  }

  /** Runs one operation with the target resolved; engine errors become the FileSystemErrors VS Code knows. */
  private async guard<T>(uri: vscode.Uri, operation: (location: FileLocation, target: FileTarget) => Promise<T>): Promise<T> {
    const location = parseFileUri(uri);
    let target: FileTarget | undefined;
    try {
      target = await this.targets.resolve(location);
      return await operation(location, target);
    } catch (error) {
      throw toFileSystemError(error, uri, target?.engine, this.log);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function notFoundAsUndefined(error: unknown): undefined {
  if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
  if ((error as { code?: string }).code === 'notFound') return undefined;
  throw error;
}

export function fileTypeOf(entry: FileEntry): vscode.FileType {
  const base = (type: FileEntry['type']) => (type === 'directory' ? vscode.FileType.Directory : type === 'file' ? vscode.FileType.File : vscode.FileType.Unknown);
  if (entry.type !== 'symlink') return base(entry.type);
  return vscode.FileType.SymbolicLink | (entry.targetType === 'directory' ? vscode.FileType.Directory : vscode.FileType.File);
}

function toFileStat(entry: FileEntry, readOnly: string | undefined): vscode.FileStat {
  return {
    type: fileTypeOf(entry),
    ctime: entry.mtimeMs,
    mtime: entry.mtimeMs,
    size: entry.size,
    permissions: readOnly ? vscode.FilePermission.Readonly : undefined,
  };
}

function toFileSystemError(error: unknown, uri: vscode.Uri, engine: EngineModule | undefined, log: vscode.LogOutputChannel): unknown {
  if (error instanceof vscode.FileSystemError) return error;
  if (!engine?.isEngineError(error)) {
    log.error(`File system: ${uri.toString()}`, error);
    return error;
  }
  const message = engine.describeEngineError(error);
  log.debug(`File system: ${uri.toString()}: ${error.code}: ${error.message}`);
  switch (error.code) {
    case 'notFound':
      return vscode.FileSystemError.FileNotFound(uri);
    case 'conflict':
      return /is a directory/.test(error.message) ? vscode.FileSystemError.FileIsADirectory(uri) : vscode.FileSystemError.FileExists(uri);
    case 'permissionDenied':
      return vscode.FileSystemError.NoPermissions(message);
    default:
      // The engine's own reason: "container rootfs is marked read-only", "mounted volume is marked read-only"...
      if (/read-only/i.test(error.details.engineMessage ?? '')) return vscode.FileSystemError.NoPermissions(message);
      return vscode.FileSystemError.Unavailable(message);
  }
}
