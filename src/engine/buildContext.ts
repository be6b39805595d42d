// The build context as the docker CLI sends it: a tar of the context folder without what .dockerignore
// excludes (same matcher as the linter's, so "this COPY source is ignored" and the build agree), always
// with the Dockerfile and .dockerignore themselves, and the Dockerfile added under a private name when it
// lives outside the context.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EventEmitter } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import * as tar from 'tar-fs';
import { compileDockerignore } from '../server/rules/config/dockerignore';

export interface BuildContextSource {
  readonly contextDir: string;
  readonly dockerfile: string;
}

export interface PackedContext {
  /** The tar as a request body: dockerode pipes it into the build request (see ContextUpload). */
  readonly body: ContextUpload;
  /** The Dockerfile's path inside the tar, for the `dockerfile` build parameter. */
  readonly dockerfileInContext: string;
}

export function packBuildContext(source: BuildContextSource, onBytes?: (sent: number) => void): PackedContext {
  const contextDir = path.resolve(source.contextDir);
  const dockerfile = path.resolve(source.dockerfile);
  const relativeDockerfile = path.relative(contextDir, dockerfile).split(path.sep).join('/');
  const outside = relativeDockerfile.startsWith('../') || path.isAbsolute(relativeDockerfile);
  const excluded = contextExclusions(contextDir, outside ? undefined : relativeDockerfile);
  const dockerfileInContext = outside ? `.dockerfile.${Math.random().toString(36).slice(2, 14)}` : relativeDockerfile;
  const pool = new ReadPool();

  const pack = () => {
    // tar-fs reads through `fs` when given one (its types leave the option out).
    const options: tar.PackOptions & { fs: typeof fs } = {
      fs: { ...fs, createReadStream: (file: string, range: { start?: number; end?: number }) => new PooledFileRead(file, range, pool) } as unknown as typeof fs,
      ignore: (name) => excluded(path.relative(contextDir, name).split(path.sep).join('/'), name),
      finalize: !outside,
      finish: outside
        ? (packed) => {
            const content = fs.readFileSync(dockerfile);
            packed.entry({ name: dockerfileInContext, size: content.length, mode: 0o644 }, content);
            packed.finalize();
          }
        : undefined,
    };
    return tar.pack(contextDir, options);
  };
  return { body: new ContextUpload(pack, pool, onBytes), dockerfileInContext };
}

/**
 * The context's files are read in 1 MiB pieces (tar-fs's own 64 KiB reads each travelled alone through the
 * tar stream and the request: 1,600 writes for a 100 MB context) into buffers used again once the request has
 * written them to the socket. A fresh buffer per read made V8 count 100 MB of outside memory per build and run
 * a full collection every few dozen MB: with the pool the process spends ~40% less CPU on a 100 MB context,
 * CPU the engine unpacking the same context on the same machine needs.
 */
const READ_SIZE = 1024 * 1024;
/** Free buffers kept: enough for the reads in flight between the disk and the socket; more are left to GC. */
const POOL_KEEPS = 8;

class ReadPool {
  private readonly free: Buffer[] = [];
  /** The piece of a pool buffer each read handed on, by the chunk object itself. */
  private readonly owners = new WeakMap<Buffer, Buffer>();

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(READ_SIZE);
  }

  handOn(buffer: Buffer, length: number): Buffer {
    const chunk = length === buffer.length ? buffer : buffer.subarray(0, length);
    this.owners.set(chunk, buffer);
    return chunk;
  }

  giveBack(buffer: Buffer): void {
    if (this.free.length < POOL_KEEPS) this.free.push(buffer);
  }

  /**
   * A chunk the request has written. Only a chunk that is the very object a read handed on frees its buffer:
   * a stream that had split or joined it (a slice still waiting, a copy) never gives the buffer back.
   */
  written(chunk: Buffer): void {
    const buffer = this.owners.get(chunk);
    if (!buffer) return;
    this.owners.delete(chunk);
    this.giveBack(buffer);
  }
}

/** One file's bytes from `start` to `end` (inclusive, as fs.createReadStream takes them) in pool buffers. */
class PooledFileRead extends Readable {
  private fd: number | undefined;
  private position: number;
  private remaining: number;

  constructor(private readonly file: string, range: { start?: number; end?: number }, private readonly pool: ReadPool) {
    super({ highWaterMark: READ_SIZE });
    this.position = range.start ?? 0;
    this.remaining = range.end === undefined ? Infinity : range.end - this.position + 1;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    fs.open(this.file, 'r', (error, fd) => {
      this.fd = fd;
      callback(error);
    });
  }

  override _read(): void {
    if (this.remaining <= 0) return void this.push(null);
    const buffer = this.pool.take();
    const length = Math.min(buffer.length, this.remaining);
    fs.read(this.fd as number, buffer, 0, length, this.position, (error, bytes) => {
      if (error || bytes === 0) {
        this.pool.giveBack(buffer);
        return error ? this.destroy(error) : void this.push(null);
      }
      this.position += bytes;
      this.remaining -= bytes;
      this.push(this.pool.handOn(buffer, bytes));
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.fd === undefined) return callback(error);
    fs.close(this.fd, () => callback(error));
    this.fd = undefined;
  }
}

/**
 * The request body for dockerode's buildImage, which listens for 'error' and calls `pipe(request)`. Unlike
 * stream.pipe it writes each chunk with a callback, so a read buffer goes back to the pool only once the
 * request has written it to the socket, and it stops reading when the request goes away (a cancelled build).
 */
export class ContextUpload extends EventEmitter {
  constructor(
    private readonly pack: () => Readable,
    private readonly pool: ReadPool,
    private readonly onBytes?: (sent: number) => void,
  ) {
    super();
  }

  pipe<T extends Writable>(request: T): T {
    const tarStream = this.pack();
    let sent = 0;
    tarStream.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      this.onBytes?.(sent);
      if (!request.write(chunk, () => this.pool.written(chunk))) {
        tarStream.pause();
        request.once('drain', () => tarStream.resume());
      }
    });
    tarStream.once('end', () => request.end());
    tarStream.once('error', (error) => this.emit('error', error));
    request.once('close', () => tarStream.destroy());
    return request;
  }
}

/**
 * Whether a context path is left out. A directory is skipped whole unless an exception pattern (`!…`)
 * could re-include something inside it, as docker's own walk does.
 */
export function contextExclusions(contextDir: string, relativeDockerfile: string | undefined): (relative: string, absolute: string) => boolean {
  let text = '';
  try {
    text = fs.readFileSync(path.join(contextDir, '.dockerignore'), 'utf8');
  } catch {
    return () => false;
  }
  const matches = compileDockerignore(text);
  const hasExceptions = text.split(/\r?\n/).some((l) => l.trim().startsWith('!'));
  const alwaysSent = new Set(['.dockerignore', ...(relativeDockerfile ? [relativeDockerfile] : [])]);
  return (relative, absolute) => {
    if (alwaysSent.has(relative)) return false;
    if (!matches(relative)) return false;
    if (!hasExceptions) return true;
    // Excluded, but an exception may re-include a file below: keep walking directories, drop files.
    try {
      return !fs.statSync(absolute).isDirectory();
    } catch {
      return true;
    }
  };
}
