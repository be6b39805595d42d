// Reading what the engine's archive endpoint sends: tar headers mapped to FileEntry, and the headers of a
// directory's archive gathered into a listing of every directory under it. tar-stream's codec (which dockerode
// already brings) decodes the headers, long names (GNU and PAX) and UTF-8 included, in tarWalker.ts; this
// file only maps.
import type { Readable } from 'node:stream';
import type * as tar from 'tar-stream';
import type { DirectoryTree, FileEntry, FileEntryType } from '../../models/fileEntry';
import { TarWalker } from './tarWalker';

export type { DirectoryTree };

export function entryTypeOf(headerType: tar.Headers['type']): FileEntryType {
  switch (headerType) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'directory';
    case 'symlink':
      return 'symlink';
    default:
      return 'other';
  }
}

export function entryFromHeader(name: string, header: tar.Headers): FileEntry {
  const type = entryTypeOf(header.type);
  return {
    name,
    type,
    linkTarget: type === 'symlink' ? header.linkname ?? '' : undefined,
    size: type === 'file' ? header.size ?? 0 : 0,
    mode: (header.mode ?? 0) & 0o7777,
    mtimeMs: header.mtime ? header.mtime.getTime() : 0,
    uid: header.uid ?? 0,
    gid: header.gid ?? 0,
  };
}

/** Splits a tar member name into segments, ignoring '.', empty segments and a trailing slash. */
export function segmentsOf(name: string): string[] {
  return name.split('/').filter((s) => s !== '' && s !== '.');
}

/**
 * Gathers the headers of a directory's archive (GET /containers/{id}/archive?path=dir) into a tree. The
 * engine names the first member after the directory itself ("many/", "/" or "./") and every other member
 * below it; bodies are skipped, never kept. Symlinks resolve to their target's type when the target is in
 * the same archive.
 */
export function readDirectoryTree(archive: Readable, signal?: AbortSignal): Promise<DirectoryTree> {
  const tree: DirectoryTree = new Map([['', new Map()]]);
  let rootSegments: number | undefined;
  const walker = new TarWalker({
    onEntry(header) {
      const segments = segmentsOf(header.name);
      if (rootSegments === undefined) {
        // The directory itself: what every other member is named below.
        rootSegments = segments.length;
        return 'skip';
      }
      const relative = segments.slice(rootSegments);
      const name = relative.pop();
      if (name === undefined) return 'skip';
      const dir = ensureDirectory(tree, relative, header);
      dir.set(name, entryFromHeader(name, header));
      if (header.type === 'directory') {
        const self = relative.length ? `${relative.join('/')}/${name}` : name;
        if (!tree.has(self)) tree.set(self, new Map());
      }
      return 'skip';
    },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      archive.destroy();
      reject(error);
    };
    const onAbort = () => fail(signal?.reason ?? new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    archive.on('data', (chunk: Buffer) => {
      try {
        walker.write(chunk);
      } catch (error) {
        fail(error);
      }
    });
    archive.on('end', () => {
      if (settled) return;
      if (rootSegments === undefined) return fail(new Error('Invalid tar archive: no members'));
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      resolve(resolveLinks(tree));
    });
    archive.on('error', fail);
    // A response that closes without ending was cut off (engine gone, request aborted).
    archive.on('close', () => fail(new Error('archive closed before its end')));
  });
}

/**
 * The listing of the folder at `segments`, made (with the folders above it) when the archive has not
 * named it yet: GNU tar and the engine name every folder first, other tools need not.
 */
function ensureDirectory(tree: DirectoryTree, segments: readonly string[], like: tar.Headers): Map<string, FileEntry> {
  const path = segments.join('/');
  let dir = tree.get(path);
  if (dir) return dir;
  tree.set(path, (dir = new Map()));
  if (segments.length) {
    const name = segments[segments.length - 1];
    const parent = ensureDirectory(tree, segments.slice(0, -1), like);
    if (!parent.has(name)) parent.set(name, { ...entryFromHeader(name, like), type: 'directory', size: 0, mode: 0o755 });
  }
  return dir;
}

/** Fills `targetType` of the symlinks whose targets are inside the tree (relative or absolute within it). */
function resolveLinks(tree: DirectoryTree): DirectoryTree {
  for (const [dirPath, entries] of tree) {
    for (const [name, entry] of entries) {
      if (entry.type !== 'symlink' || !entry.linkTarget || entry.linkTarget.startsWith('/')) continue;
      const target = [...segmentsOf(dirPath), ...segmentsOf(entry.linkTarget)];
      const resolved = normalise(target);
      if (!resolved) continue;
      const leaf = resolved.pop()!;
      const found = tree.get(resolved.join('/'))?.get(leaf);
      if (found) entries.set(name, { ...entry, targetType: found.type === 'symlink' ? found.targetType : found.type });
    }
  }
  return tree;
}

function normalise(segments: string[]): string[] | undefined {
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(s);
  }
  return out.length ? out : undefined;
}
