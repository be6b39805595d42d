// `docker build` through the API, with the classic builder or BuildKit, as a stream of typed events:
// log lines, step progress, and on failure which instruction failed, so the editor can point at its line.
// Aborting the signal closes the request; the engine then cancels the build and stops its containers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import type * as protobuf from 'protobufjs';
import type { EngineClient } from './client';
import { packBuildContext } from './buildContext';
import { KILLED_EXIT_CODES, engineStopsAnswering } from './engineReturn';
import { EngineError, toEngineError } from './errors';

export type Builder = 'classic' | 'buildkit';

export interface BuildRequest {
  readonly contextDir: string;
  readonly dockerfile: string;
  readonly tag?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly noCache?: boolean;
  readonly builder: Builder;
  /** Labels for the image (tests mark theirs). */
  readonly labels?: Readonly<Record<string, string>>;
}

export type BuildEvent =
  | { readonly kind: 'log'; readonly text: string }
  /** A build step started: "[2/4] RUN make" (BuildKit) or "Step 2/4 : RUN make" (classic). */
  | { readonly kind: 'step'; readonly instruction: string; readonly current?: number; readonly total?: number }
  | { readonly kind: 'contextSent'; readonly bytes: number };

export interface BuildResult {
  readonly imageId: string;
  readonly contextBytes: number;
}

/**
 * A build the engine ran and the Dockerfile broke. `instruction` is the failing step as the builder named
 * it; `stepNumber` counts from 1 over the whole file (classic) or within `stage` (BuildKit, where FROM is 1).
 */
export class BuildFailure extends EngineError {
  constructor(
    message: string,
    readonly instruction: string | undefined,
    readonly stepNumber: number | undefined,
    readonly stage?: string,
  ) {
    super('engineFailure', message, { engineMessage: message });
    this.name = 'EngineError';
  }
}

/** What the engine offers: BuildKit when its ping advertises builder version 2, the classic builder otherwise. */
export async function preferredBuilder(client: EngineClient): Promise<Builder> {
  const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve) => {
    const request = { path: '/_ping', method: 'GET', isStream: true, statusCodes: { 200: true }, options: {} };
    client.docker.modem.dial(request, (_error, data) => {
      const response = data as (Readable & { headers?: Record<string, string> }) | undefined;
      response?.resume();
      resolve(response?.headers ?? {});
    });
  });
  return headers['builder-version'] === '2' ? 'buildkit' : 'classic';
}

export async function buildImage(client: EngineClient, request: BuildRequest, onEvent: (event: BuildEvent) => void, signal?: AbortSignal): Promise<BuildResult> {
  let contextBytes = 0;
  const context = packBuildContext({ contextDir: request.contextDir, dockerfile: request.dockerfile }, (bytes) => (contextBytes = bytes));
  let stream: Readable;
  try {
    stream = (await client.docker.buildImage(context.body as unknown as NodeJS.ReadableStream, {
      dockerfile: context.dockerfileInContext,
      t: request.tag || undefined,
      buildargs: request.buildArgs ? { ...request.buildArgs } : undefined,
      target: request.target || undefined,
      nocache: request.noCache || undefined,
      labels: request.labels ? { ...request.labels } : undefined,
      rm: true,
      forcerm: true,
      version: request.builder === 'buildkit' ? '2' : '1',
      abortSignal: signal,
    } as never)) as unknown as Readable;
  } catch (error) {
    throw cancelledOr(error, client, signal);
  }
  onEvent({ kind: 'contextSent', bytes: contextBytes });
  const reader = request.builder === 'buildkit' ? new BuildKitReader(onEvent) : new ClassicReader(onEvent);
  try {
    for await (const line of jsonLines(stream)) reader.read(line);
  } catch (error) {
    throw cancelledOr(error, client, signal);
  }
  if (signal?.aborted) throw cancelledOr(undefined, client, signal);
  try {
    return { imageId: reader.finish(), contextBytes };
  } catch (error) {
    throw await engineStoppedOr(error, client);
  }
}

/** A step killed by a signal (classic: "non-zero code: 137", BuildKit: "exit code: 137"). */
const KILLED_STEP = /(?:non-zero code|exit code):? (\d+)\b/;

/**
 * A stopping engine kills the build's step container, and the build reports that step as failed: the user
 * would be told their Dockerfile broke. When the step died of a signal and the engine then stops answering
 * (its shutdown finishes), the truth is that the engine went away.
 */
async function engineStoppedOr(error: unknown, client: EngineClient): Promise<unknown> {
  const code = error instanceof BuildFailure ? Number(KILLED_STEP.exec(error.message)?.[1]) : NaN;
  if (!KILLED_EXIT_CODES.has(code) || !(await engineStopsAnswering(client))) return error;
  return new EngineError('unreachable', 'the engine stopped during the build', { endpoint: client.endpoint.host, cause: error });
}

/** Whatever the aborted request throws (reset socket, premature close), a cancelled build is "cancelled". */
function cancelledOr(error: unknown, client: EngineClient, signal: AbortSignal | undefined): EngineError {
  if (signal?.aborted) return new EngineError('cancelled', 'build cancelled', { endpoint: client.endpoint.host, cause: error });
  return toEngineError(error, client.endpoint.host);
}

interface BuildMessage {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: unknown;
  id?: string;
}

async function* jsonLines(stream: Readable): AsyncGenerator<BuildMessage> {
  let pending = '';
  for await (const chunk of stream) {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) yield JSON.parse(line) as BuildMessage;
  }
  if (pending.trim()) yield JSON.parse(pending) as BuildMessage;
}

abstract class BuildReader {
  protected imageId = '';
  protected error?: string;
  constructor(protected readonly onEvent: (event: BuildEvent) => void) {}
  abstract read(message: BuildMessage): void;
  protected abstract failingStep(): { instruction?: string; step?: number; stage?: string };

  finish(): string {
    if (this.error !== undefined) {
      const { instruction, step, stage } = this.failingStep();
      throw new BuildFailure(this.error, instruction, step, stage);
    }
    return this.imageId;
  }
}

class ClassicReader extends BuildReader {
  private lastStep?: { instruction: string; step: number };

  read(m: BuildMessage): void {
    if (m.error !== undefined) {
      this.error = m.errorDetail?.message ?? m.error;
      return this.onEvent({ kind: 'log', text: `${this.error}\n` });
    }
    if ((m.aux as { ID?: string } | undefined)?.ID) this.imageId = (m.aux as { ID: string }).ID;
    if (typeof m.stream !== 'string') return;
    const step = /^Step (\d+)\/(\d+) : (.*)$/m.exec(m.stream);
    if (step) {
      this.lastStep = { instruction: step[3].trim(), step: Number(step[1]) };
      this.onEvent({ kind: 'step', instruction: step[3].trim(), current: Number(step[1]), total: Number(step[2]) });
    }
    const built = /^Successfully built ([0-9a-f]+)/m.exec(m.stream);
    if (built && !this.imageId) this.imageId = built[1];
    this.onEvent({ kind: 'log', text: m.stream });
  }

  protected failingStep() {
    return { instruction: this.lastStep?.instruction, step: this.lastStep?.step };
  }
}

interface BuildKitVertex {
  digest: string;
  name?: string;
  error?: string;
  started?: unknown;
  completed?: unknown;
  cached?: boolean;
}

class BuildKitReader extends BuildReader {
  private readonly names = new Map<string, string>();
  private failedVertex?: string;

  read(m: BuildMessage): void {
    if (m.error !== undefined) {
      this.error = m.errorDetail?.message ?? m.error;
      return this.onEvent({ kind: 'log', text: `ERROR: ${this.error}\n` });
    }
    if (m.id === 'moby.image.id') this.imageId = (m.aux as { ID?: string })?.ID ?? this.imageId;
    if (m.id !== 'moby.buildkit.trace' || typeof m.aux !== 'string') return;
    const status = decodeStatus(m.aux);
    for (const v of status.vertexes ?? []) {
      if (v.name && !this.names.has(v.digest)) {
        this.names.set(v.digest, v.name);
        const step = /^\[(?:[^\]]*\s)?(\d+)\/(\d+)\] (.*)$/.exec(v.name);
        if (step) this.onEvent({ kind: 'step', instruction: step[3], current: Number(step[1]), total: Number(step[2]) });
        this.onEvent({ kind: 'log', text: `#${this.names.size} ${v.name}\n` });
      }
      if (v.cached && v.completed) this.onEvent({ kind: 'log', text: `#${this.indexOf(v.digest)} CACHED\n` });
      if (v.error) {
        this.failedVertex ??= v.digest;
        this.onEvent({ kind: 'log', text: `#${this.indexOf(v.digest)} ERROR: ${v.error}\n` });
      }
    }
    for (const log of status.logs ?? []) {
      const text = Buffer.from(log.msg ?? []).toString('utf8');
      if (text) this.onEvent({ kind: 'log', text: `#${this.indexOf(log.vertex)} ${text.replace(/\n(?!$)/g, `\n#${this.indexOf(log.vertex)} `)}` });
    }
  }

  private indexOf(digest: string): number {
    return [...this.names.keys()].indexOf(digest) + 1;
  }

  protected failingStep() {
    const name = this.failedVertex ? this.names.get(this.failedVertex) : undefined;
    const step = name ? /^\[(?:(\S+) )?(\d+)\/\d+\] (.*)$/.exec(name) : null;
    return { instruction: step?.[3] ?? name, step: step ? Number(step[2]) : undefined, stage: step?.[1] };
  }
}

let statusType: protobuf.Type | undefined;

/** BuildKit's progress messages are base64 protobuf (moby.buildkit.v1.StatusResponse). */
function decodeStatus(base64: string): { vertexes?: BuildKitVertex[]; logs?: { vertex: string; msg?: Uint8Array }[] } {
  // Required here, not imported: only BuildKit builds decode progress, and the bundle loads it then (build.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  statusType ??= (require('protobufjs') as typeof protobuf).loadSync(path.join(protoDirectory(), 'buildkit_status.proto')).lookupType('moby.buildkit.v1.StatusResponse');
  if (!base64) return {};
  return statusType.toObject(statusType.decode(Buffer.from(base64, 'base64')), { defaults: false }) as ReturnType<typeof decodeStatus>;
}

/**
 * dockerode's .proto files: beside the engine bundle (dist/proto, copied by the build), or in node_modules
 * when running from compiled sources.
 */
export function protoDirectory(): string {
  const bundled = path.join(__dirname, 'proto');
  try {
    fs.accessSync(path.join(bundled, 'buildkit_status.proto'));
    return bundled;
  } catch {
    return path.join(path.dirname(require.resolve('dockerode/package.json')), 'lib', 'proto');
  }
}
