// How the doctor looks at the machine: files and execFile, never a shell, never root. Every path is built
// from roots that tests can move (a /proc read inside a network namespace, a data root on a test tmpfs).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface HostRoots {
  readonly proc: string;
  readonly sys: string;
  readonly etc: string;
  /** Where dockerd keeps its pid file and default socket (/var/run, a link to /run on most systems). */
  readonly run: string;
}

export const DEFAULT_ROOTS: HostRoots = { proc: '/proc', sys: '/sys', etc: '/etc', run: '/var/run' };

export interface FileStat {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly isSocket: boolean;
}

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What connecting to a unix socket gave: 'ok', or the errno code (ENOENT, EACCES, ECONNREFUSED, …). */
export type SocketProbe = 'ok' | string;

export interface HostAccess {
  readonly roots: HostRoots;
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
  readonly now: () => number;
  readFile(file: string): Promise<string | undefined>;
  stat(file: string): Promise<FileStat | undefined>;
  /** Total and available bytes of the filesystem holding `dir` (available: what an unprivileged user may still write). */
  statfs(dir: string): Promise<{ total: number; available: number } | undefined>;
  /** Runs a program with arguments (no shell); undefined when it cannot be started at all. */
  run(command: string, args: readonly string[], timeoutMs?: number): Promise<CommandResult | undefined>;
  /** The absolute path of an executable found on PATH (and in the sbin folders dockerd lives in). */
  which(name: string, extraDirs?: readonly string[]): Promise<string | undefined>;
  /** Pids of the running processes (from the proc root). */
  pids(): Promise<number[]>;
  probeSocket(socketPath: string, timeoutMs?: number): Promise<SocketProbe>;
}

export function nodeHostAccess(roots: HostRoots = DEFAULT_ROOTS, env: NodeJS.ProcessEnv = process.env): HostAccess {
  return {
    roots,
    env,
    home: env.HOME || os.homedir(),
    now: () => Date.now(),
    readFile: (file) => fs.readFile(file, 'utf8').catch(() => undefined),
    stat: (file) =>
      fs.stat(file).then(
        (s) => ({ mode: s.mode & 0o7777, uid: s.uid, gid: s.gid, isSocket: s.isSocket() }),
        () => undefined,
      ),
    statfs: (dir) =>
      fs.statfs(dir).then(
        (s) => ({ total: s.blocks * s.bsize, available: s.bavail * s.bsize }),
        () => undefined,
      ),
    run: (command, args, timeoutMs = 3000) =>
      new Promise((resolve) => {
        execFile(command, [...args], { timeout: timeoutMs, encoding: 'utf8', env: { ...env, LC_ALL: 'C' } }, (error, stdout, stderr) => {
          const code = (error as { code?: unknown } | null)?.code;
          if (typeof code === 'string') return resolve(undefined); // ENOENT, EACCES: not startable
          resolve({ code: error ? (typeof code === 'number' ? code : 1) : 0, stdout, stderr });
        });
      }),
    which: async (name, extraDirs = []) => {
      const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...extraDirs];
      for (const dir of dirs) {
        const candidate = path.join(dir, name);
        if (await fs.access(candidate, fs.constants.X_OK).then(() => true, () => false)) return candidate;
      }
      return undefined;
    },
    pids: async () => (await fs.readdir(roots.proc).catch(() => [] as string[])).filter((n) => /^\d+$/.test(n)).map(Number),
    probeSocket: (socketPath, timeoutMs = 1500) =>
      new Promise((resolve) => {
        const socket = net.connect(socketPath);
        const done = (result: SocketProbe) => {
          socket.destroy();
          resolve(result);
        };
        socket.setTimeout(timeoutMs, () => done('ETIMEDOUT'));
        socket.once('connect', () => done('ok'));
        socket.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? 'EIO'));
      }),
  };
}
