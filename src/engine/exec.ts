// Interactive sessions into containers through the engine API: an exec with a TTY (a shell) and an attach
// to the main process. Both hand back the same small interface the terminals drive.
import type Docker from 'dockerode';
import type { Duplex } from 'node:stream';
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';
import { KILLED_EXIT_CODES, engineStopsAnswering } from './engineReturn';
import { EngineError, toEngineError, type EngineErrorCode } from './errors';
import { outputChunks, type OutputChunk } from './streams';

export interface ShellRequest {
  readonly cmd: readonly string[];
  readonly user?: string;
  readonly workdir?: string;
  readonly env?: readonly string[];
}

export type SessionOutcome =
  | { readonly kind: 'exited'; readonly exitCode?: number }
  | { readonly kind: 'connectionLost'; readonly error: EngineError };

/** Errors that mean the engine itself is gone (stopped, restarted, unreachable), not that the program failed. */
const CONNECTION_LOST: ReadonlySet<EngineErrorCode> = new Set(['unreachable', 'timeout']);

/** What a terminal needs from a live session: bytes out, keystrokes in, the size, and how it ended. */
export interface InteractiveSession {
  /** True when the user may type (exec always; attach only when the container keeps stdin open). */
  readonly writable: boolean;
  /** True when the engine allocated a TTY: the bytes are raw and the size matters. */
  readonly tty: boolean;
  onOutput(listener: (chunk: OutputChunk) => void): void;
  write(data: string): void;
  resize(columns: number, rows: number): Promise<void>;
  /** Settles when the engine closes the stream. */
  readonly ended: Promise<void>;
  /** The exit code once ended: the exec's own, or the container's when attached; undefined if unknown. */
  exitCode(): Promise<number | undefined>;
  /** How the session ended, once `ended` settles: the program exited, or the engine went away under it. */
  outcome(): Promise<SessionOutcome>;
  close(): void;
}

/** The facts about a container a terminal needs before it opens. */
export interface ContainerRuntime {
  readonly id: string;
  readonly name: string;
  readonly running: boolean;
  readonly paused: boolean;
  readonly tty: boolean;
  readonly openStdin: boolean;
  /** When the current (or last) run started, ISO 8601. */
  readonly startedAt: string;
  readonly restartCount: number;
}

export async function containerRuntime(client: EngineClient, id: string): Promise<ContainerRuntime> {
  return runtimeOf(await engineRequest(client, () => client.docker.getContainer(id).inspect()));
}

/** The runtime facts of an inspect answer (shared with the file system's target facts). */
export function runtimeOf(info: Docker.ContainerInspectInfo): ContainerRuntime {
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    running: info.State.Running,
    paused: info.State.Paused,
    tty: !!info.Config.Tty,
    openStdin: !!info.Config.OpenStdin,
    startedAt: info.State.StartedAt,
    restartCount: info.RestartCount ?? 0,
  };
}

/** Shells to look for, best first. Paths are checked through the archive API, which needs no shell itself. */
export const SHELL_CANDIDATES = ['/bin/bash', '/usr/bin/bash', '/bin/sh', '/usr/bin/sh', '/bin/ash'] as const;

/** The first of `candidates` present in the container's filesystem, or undefined when there is none. */
export async function findShell(client: EngineClient, id: string, candidates: readonly string[] = SHELL_CANDIDATES): Promise<string | undefined> {
  const container = client.docker.getContainer(id);
  for (const path of candidates) {
    try {
      await container.infoArchive({ path });
      return path;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) continue;
      throw toEngineError(error, client.endpoint.host);
    }
  }
  return undefined;
}

/** Starts `request.cmd` in the container with a TTY and stdin, sized to the terminal from the first byte on. */
export async function startShell(client: EngineClient, id: string, request: ShellRequest, size?: { columns: number; rows: number }): Promise<InteractiveSession> {
  const container = client.docker.getContainer(id);
  const exec = await engineRequest(client, () =>
    container.exec({
      Cmd: [...request.cmd],
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      User: request.user || undefined,
      WorkingDir: request.workdir || undefined,
      Env: ['TERM=xterm-256color', ...(request.env ?? [])],
    }),
  );
  const stream = (await engineRequest(client, () => exec.start({ hijack: true, stdin: true, Tty: true }))) as Duplex;
  const session = new StreamSession(client, stream, true, true, (h, w) => exec.resize({ h, w }), async () => {
    // The stream can end a moment before the engine records the exit code.
    for (let attempt = 0; attempt < 20; attempt++) {
      const info = await exec.inspect();
      if (!info.Running) return info.ExitCode ?? undefined;
      await new Promise((r) => setTimeout(r, 50));
    }
    return undefined;
  });
  if (size) await session.resize(size.columns, size.rows).catch(() => undefined);
  return session;
}

/**
 * Attaches to the main process: with stdin when the container keeps it open (and a TTY when it has one),
 * read-only otherwise. Ctrl-P Ctrl-Q detaches (the engine's default detach keys) and ends the stream.
 */
export async function attachContainer(client: EngineClient, runtime: ContainerRuntime): Promise<InteractiveSession> {
  const container = client.docker.getContainer(runtime.id);
  const writable = runtime.openStdin;
  const stream = (await engineRequest(client, () =>
    container.attach({ stream: true, stdin: writable, stdout: true, stderr: true, hijack: writable } as Docker.ContainerAttachOptions),
  )) as Duplex;
  return new StreamSession(client, stream, writable, runtime.tty, (h, w) => container.resize({ h, w }), async () => {
    const info = await container.inspect();
    return info.State.Running ? undefined : info.State.ExitCode;
  });
}

class StreamSession implements InteractiveSession {
  readonly ended: Promise<void>;
  private readonly listeners: ((chunk: OutputChunk) => void)[] = [];
  /** Output that arrived before anyone listened (a shell's first prompt comes while the caller still awaits). */
  private early: OutputChunk[] = [];
  /** Closed from our side (the terminal was closed): nobody will see an exit code, so none is asked for. */
  private closed = false;

  constructor(
    private readonly client: EngineClient,
    private readonly stream: Duplex,
    readonly writable: boolean,
    readonly tty: boolean,
    private readonly resizeTty: (rows: number, columns: number) => Promise<unknown>,
    private readonly readExitCode: () => Promise<number | undefined>,
  ) {
    this.ended = outputChunks(stream, tty, (chunk) => {
      if (this.listeners.length === 0) this.early.push(chunk);
      else this.listeners.forEach((l) => l(chunk));
    }).catch(() => undefined);
  }

  onOutput(listener: (chunk: OutputChunk) => void): void {
    this.listeners.push(listener);
    const early = this.early;
    this.early = [];
    early.forEach(listener);
  }

  write(data: string): void {
    if (this.writable && !this.stream.destroyed) this.stream.write(data);
  }

  async resize(columns: number, rows: number): Promise<void> {
    if (!this.tty || columns < 1 || rows < 1) return;
    try {
      await this.resizeTty(rows, columns);
    } catch (error) {
      throw toEngineError(error, this.client.endpoint.host);
    }
  }

  async exitCode(): Promise<number | undefined> {
    try {
      return await this.readExitCode();
    } catch (error) {
      throw toEngineError(error, this.client.endpoint.host);
    }
  }

  async outcome(): Promise<SessionOutcome> {
    await this.ended;
    // The shell outlives a closed stream for a moment, and asking for its exit code polled the engine 20 times.
    if (this.closed) return { kind: 'exited' };
    try {
      const exitCode = await this.exitCode();
      // Killed with its container by a stopping engine, which answered a moment longer.
      if (exitCode !== undefined && KILLED_EXIT_CODES.has(exitCode) && (await engineStopsAnswering(this.client))) {
        return { kind: 'connectionLost', error: new EngineError('unreachable', 'the engine stopped during the session', { endpoint: this.client.endpoint.host }) };
      }
      return { kind: 'exited', exitCode };
    } catch (error) {
      // The stream ended and the engine cannot say how: it went away (a restart, a crash, the network).
      const mapped = toEngineError(error, this.client.endpoint.host);
      return CONNECTION_LOST.has(mapped.code) ? { kind: 'connectionLost', error: mapped } : { kind: 'exited' };
    }
  }

  close(): void {
    this.closed = true;
    this.stream.destroy();
  }
}
