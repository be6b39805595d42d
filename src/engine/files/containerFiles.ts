// Files inside a container through the engine API: the archive endpoints (HEAD stat, GET read, PUT write)
// work on running, stopped and shell-less containers alike. Exec is used only where the API has no other
// way: listing fast when a shell exists, and delete / rename, which the archive API cannot express.
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import type { FileEntry } from '../../models/fileEntry';
import type { EngineClient } from '../client';
import { engineRequest } from '../engineRequest';
import { EngineError } from '../errors';
import { findShell, runtimeOf, type ContainerRuntime } from '../exec';
import { runExec } from './execCommand';
import { STAT_LISTING_SCRIPT, parseStatListing } from './statListing';
import { entryFromHeader, readDirectoryTree, segmentsOf, type DirectoryTree } from './tarEntries';
import { TarWalker } from './tarWalker';

/** What a file's body may hold ahead of its reader before the archive is paused (two socket reads' worth). */
const MEMBER_BUFFER = 128 * 1024;

/** What decides how a container's files can be reached: running with a shell, read-only parts. */
export interface FileTargetFacts extends Pick<ContainerRuntime, 'id' | 'name' | 'running' | 'paused'> {
  readonly readOnlyRoot: boolean;
  readonly mounts: readonly { readonly destination: string; readonly readOnly: boolean; readonly source: string }[];
  /** A shell in the image (checked through the archive API); undefined when there is none. */
  readonly shell?: string;
}

export async function fileTargetFacts(client: EngineClient, id: string): Promise<FileTargetFacts> {
  const info = await engineRequest(client, () => client.docker.getContainer(id).inspect());
  const { name, running, paused } = runtimeOf(info);
  return {
    id: info.Id,
    name,
    running,
    paused,
    readOnlyRoot: !!info.HostConfig?.ReadonlyRootfs,
    mounts: (info.Mounts ?? []).map((m) => ({ destination: m.Destination, readOnly: m.RW === false, source: (m as { Name?: string }).Name || m.Source })),
    shell: await findShell(client, info.Id),
  };
}

/** The mount a path lies under (the deepest one), if any. */
export function mountOf(facts: FileTargetFacts, path: string): FileTargetFacts['mounts'][number] | undefined {
  const under = facts.mounts.filter((m) => path === m.destination || path.startsWith(m.destination.endsWith('/') ? m.destination : `${m.destination}/`));
  return under.sort((a, b) => b.destination.length - a.destination.length)[0];
}

const GO_MODE_DIR = 2 ** 31;
const GO_MODE_SYMLINK = 2 ** 27;
const GO_MODE_IRREGULAR = 2 ** 19 + 2 ** 21 + 2 ** 24 + 2 ** 25 + 2 ** 26;

/** HEAD on the archive: the engine's stat of one path (no owner: the engine does not say). */
export async function statPath(client: EngineClient, id: string, path: string, signal?: AbortSignal): Promise<FileEntry & { readonly ownerKnown: false }> {
  const response = (await engineRequest(client, () => client.docker.getContainer(id).infoArchive({ path, abortSignal: signal } as never))) as { headers: Record<string, string>; resume?: () => void };
  response.resume?.();
  const raw = response.headers['x-docker-container-path-stat'];
  if (!raw) throw new EngineError('engineFailure', `no path stat for ${path}`);
  const stat = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as { name: string; size: number; mode: number; mtime: string; linkTarget?: string };
  // Go's os.FileMode: type bits high, permission bits low (setuid etc. are bits 23, 22, 20 there).
  const goMode = stat.mode;
  const type = goMode & GO_MODE_SYMLINK ? 'symlink' : Math.floor(goMode / GO_MODE_DIR) % 2 ? 'directory' : goMode & GO_MODE_IRREGULAR ? 'other' : 'file';
  const special = (goMode & 2 ** 23 ? 0o4000 : 0) | (goMode & 2 ** 22 ? 0o2000 : 0) | (goMode & 2 ** 20 ? 0o1000 : 0);
  return {
    name: stat.name,
    type,
    linkTarget: type === 'symlink' ? stat.linkTarget : undefined,
    size: type === 'file' ? stat.size : 0,
    mode: (goMode & 0o777) | special,
    mtimeMs: Date.parse(stat.mtime) || 0,
    uid: 0,
    gid: 0,
    ownerKnown: false,
  };
}

export interface DirectoryListing {
  readonly entries: readonly FileEntry[];
  /** When the archive was read: every directory below, so expanding them needs no further request. */
  readonly tree?: DirectoryTree;
  readonly via: 'exec' | 'archive';
}

/** One directory's entries: one exec of `stat` when the container runs and has a shell, else the archive. */
export async function listDirectory(client: EngineClient, facts: FileTargetFacts, path: string, signal?: AbortSignal): Promise<DirectoryListing> {
  if (facts.running && !facts.paused && facts.shell) {
    const result = await runExec(client, facts.id, [facts.shell, '-c', STAT_LISTING_SCRIPT, 'sh', path], signal);
    if (result.exitCode === 3) throw new EngineError('notFound', `${path}: ${result.stderr}`, { engineMessage: result.stderr || path, statusCode: 404 });
    const entries = result.exitCode === 0 ? parseStatListing(result.stdout.toString('utf8')) : undefined;
    if (entries) return { entries, via: 'exec' };
  }
  const tree = await readDirectoryTree(await getArchive(client, facts.id, path, signal), signal);
  return { entries: [...(tree.get('')?.values() ?? [])], tree, via: 'archive' };
}

/** The archive of a path (a tar stream: the path itself first, then everything below it). */
export async function getArchive(client: EngineClient, id: string, path: string, signal?: AbortSignal): Promise<Readable> {
  return (await engineRequest(client, () => client.docker.getContainer(id).getArchive({ path, abortSignal: signal } as never))) as Readable;
}

/**
 * Extracts a tar stream into directory `dir` of the container. The engine keeps the owners the tar names
 * (the docker CLI rewrites them to root itself unless `cp -a`); `copyUIDGID` would instead chown all to
 * the container's configured user, looked up with getent, so it is not sent.
 */
export async function putArchive(client: EngineClient, id: string, dir: string, archive: Readable, signal?: AbortSignal): Promise<void> {
  const response = await engineRequest(client, () =>
    client.docker.getContainer(id).putArchive(archive as never, { path: dir, noOverwriteDirNonDir: 'true', abortSignal: signal } as never),
  );
  (response as { resume?: () => void } | undefined)?.resume?.();
}

/** A file's bytes, streamed; symlinks are followed (up to 16 hops), a directory is refused. */
export async function readFile(client: EngineClient, id: string, path: string, signal?: AbortSignal): Promise<{ entry: FileEntry; path: string; content: Readable }> {
  let current = path;
  for (let hop = 0; hop < 16; hop++) {
    const first = await firstMember(await getArchive(client, id, current, signal));
    if (first.entry.type === 'symlink' && first.entry.linkTarget) {
      first.content.destroy();
      current = posix.resolve(posix.dirname(current), first.entry.linkTarget);
      continue;
    }
    if (first.entry.type === 'directory') {
      first.content.destroy();
      throw new EngineError('conflict', `${path} is a directory`, { engineMessage: `${path} is a directory` });
    }
    return { ...first, path: current };
  }
  throw new EngineError('engineFailure', `too many symbolic links at ${path}`, { engineMessage: `too many symbolic links at ${path}` });
}

/** A path's own tar header (owner included, unlike the HEAD stat); links are not followed. */
export async function pathEntry(client: EngineClient, id: string, path: string, signal?: AbortSignal): Promise<FileEntry> {
  const first = await firstMember(await getArchive(client, id, path, signal));
  first.content.destroy();
  return first.entry;
}

/**
 * The first member of a tar stream and its body, read by the tar walker: the body is the archive's own
 * chunks, sliced, with the archive paused while the reader is behind. The rest of the archive (padding and
 * the end blocks) is dropped once the body is complete, or when the reader destroys the body.
 */
function firstMember(archive: Readable): Promise<{ entry: FileEntry; content: Readable }> {
  return new Promise((resolve, reject) => {
    let content: Readable | undefined;
    let done = false;
    const finish = () => {
      done = true;
      content?.push(null);
      archive.destroy();
    };
    const walker = new TarWalker({
      onEntry(header) {
        if (content) return 'skip';
        content = new Readable({
          highWaterMark: MEMBER_BUFFER,
          read: () => archive.resume(),
          destroy: (error, callback) => {
            archive.destroy();
            callback(error);
          },
        });
        // An archive cut short can fail the body before its reader attaches: the reader still gets the error
        // (pipeline and async iteration read `errored`), but the host must not see it as unhandled.
        content.on('error', () => undefined);
        resolve({ entry: entryFromHeader(segmentsOf(header.name).pop() ?? header.name, header), content });
        return 'body';
      },
      onBody(chunk) {
        if (!content!.push(chunk)) archive.pause();
      },
      onBodyEnd: finish,
    });
    const fail = (error: unknown) => {
      if (done) return;
      done = true;
      archive.destroy();
      if (content) content.destroy(error as Error);
      else reject(error);
    };
    archive.on('data', (chunk: Buffer) => {
      if (done) return;
      try {
        walker.write(chunk);
      } catch (error) {
        fail(error);
      }
    });
    archive.on('error', fail);
    archive.on('end', () => fail(new EngineError('notFound', content ? 'archive ended inside its first member' : 'empty archive', { statusCode: content ? undefined : 404 })));
    archive.on('close', () => fail(new EngineError('engineFailure', 'archive closed before its first member ended')));
  });
}

/** What a new or replaced member carries: owner, mode and time are kept as given. */
export interface MemberHeader {
  readonly name: string;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: Date;
}

/** Writes one file into `dir`, streamed from `content` (`size` bytes exactly) or from a buffer. */
export async function writeFile(client: EngineClient, id: string, dir: string, header: MemberHeader, content: Buffer | { stream: Readable; size: number }, signal?: AbortSignal): Promise<void> {
  const pack = tar.pack();
  const upload = putArchive(client, id, dir, pack as unknown as Readable, signal);
  const size = Buffer.isBuffer(content) ? content.length : content.size;
  const entryHeader = { ...header, type: 'file' as const, size };
  if (Buffer.isBuffer(content)) {
    pack.entry(entryHeader, content);
    pack.finalize();
  } else {
    const sink = pack.entry(entryHeader, (error) => (error ? pack.destroy(error) : pack.finalize()));
    content.stream.on('error', (error) => pack.destroy(error));
    content.stream.pipe(sink);
  }
  await upload;
}

/** Creates directory `name` in `parent` (the engine creates the parents a tar member needs). */
export async function makeDirectory(client: EngineClient, id: string, parent: string, header: MemberHeader, signal?: AbortSignal): Promise<void> {
  const pack = tar.pack();
  pack.entry({ ...header, type: 'directory' });
  pack.finalize();
  await putArchive(client, id, parent, pack as unknown as Readable, signal);
}

/**
 * Copies `from` (file or directory) to `toDir/toName` through the archive API alone (no shell needed):
 * the members stream from GET to PUT with their first path segment renamed; nothing is buffered.
 */
export async function copyPath(client: EngineClient, id: string, from: string, toDir: string, toName: string, signal?: AbortSignal): Promise<void> {
  const source = await getArchive(client, id, from, signal);
  const extract = tar.extract();
  const pack = tar.pack();
  extract.on('entry', (header, body, next) => {
    const segments = segmentsOf(header.name);
    segments[0] = toName;
    const renamed = { ...header, name: segments.join('/') };
    body.pipe(pack.entry(renamed, (error) => (error ? extract.destroy(error) : next())));
  });
  extract.on('finish', () => pack.finalize());
  extract.on('error', (error) => pack.destroy(error));
  source.on('error', (error) => pack.destroy(error));
  source.pipe(extract);
  await putArchive(client, id, toDir, pack as unknown as Readable, signal);
}

/** Why an operation needs an exec and cannot run: the container is stopped, or the image has no shell. */
export type ExecUnavailable = 'notRunning' | 'paused' | 'noShell';

export function execUnavailable(facts: FileTargetFacts): ExecUnavailable | undefined {
  if (!facts.running) return 'notRunning';
  if (facts.paused) return 'paused';
  if (!facts.shell) return 'noShell';
  return undefined;
}

/** rm (-r) in a running container with a shell: the archive API has no delete. */
export async function removePath(client: EngineClient, facts: FileTargetFacts, path: string, recursive: boolean): Promise<void> {
  await shellOperation(client, facts, recursive ? 'rm -rf -- "$1"' : 'rm -f -- "$1" 2>/dev/null || rmdir -- "$1"', [path]);
}

/** mv in a running container with a shell; `overwrite` false refuses an existing target. */
export async function movePath(client: EngineClient, facts: FileTargetFacts, from: string, to: string, overwrite: boolean): Promise<void> {
  const script = overwrite ? 'rm -rf -- "$2" && mv -- "$1" "$2"' : 'if [ -e "$2" ] || [ -L "$2" ]; then echo "$2: File exists" >&2; exit 17; fi; mv -- "$1" "$2"';
  await shellOperation(client, facts, script, [from, to]);
}

async function shellOperation(client: EngineClient, facts: FileTargetFacts, script: string, args: string[]): Promise<void> {
  const why = execUnavailable(facts);
  if (why) throw new EngineError('conflict', `exec unavailable: ${why}`, { engineMessage: why });
  const result = await runExec(client, facts.id, [facts.shell!, '-c', script, 'sh', ...args]);
  if (result.exitCode === 17) throw new EngineError('conflict', result.stderr, { engineMessage: result.stderr, statusCode: 409 });
  if (result.exitCode !== 0) throw new EngineError('engineFailure', result.stderr || `exit ${result.exitCode}`, { engineMessage: result.stderr || `exit code ${result.exitCode}` });
}
