// A non-interactive exec that collects its output: what the file system uses for listing (when the image
// has a shell), delete and rename (which the archive API cannot do).
import type { EngineClient } from '../client';
import { engineRequest } from '../engineRequest';
import { EngineError } from '../errors';
import { outputChunks } from '../streams';

export interface ExecResult {
  readonly exitCode: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

export async function runExec(client: EngineClient, id: string, cmd: readonly string[], signal?: AbortSignal): Promise<ExecResult> {
  const container = client.docker.getContainer(id);
  const exec = await engineRequest(client, () => container.exec({ Cmd: [...cmd], AttachStdout: true, AttachStderr: true, Tty: false, abortSignal: signal } as never));
  const stream = (await engineRequest(client, () => exec.start({ hijack: false, stdin: false, abortSignal: signal } as never))) as NodeJS.ReadableStream & { destroy(): void };
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const onAbort = () => stream.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await outputChunks(stream, false, (chunk) => (chunk.stream === 'stdout' ? stdout : stderr).push(chunk.data));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw new EngineError('cancelled', 'exec cancelled');
  // The stream can end a moment before the engine records the exit code.
  for (let attempt = 0; attempt < 40; attempt++) {
    const info = await engineRequest(client, () => exec.inspect());
    if (!info.Running) return { exitCode: info.ExitCode ?? -1, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8').trim() };
    await new Promise((r) => setTimeout(r, 25));
  }
  return { exitCode: -1, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8').trim() };
}
