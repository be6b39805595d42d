// Pull and push with their per-layer JSON progress folded into one figure (layers done, bytes moved of
// bytes known), so the editor can show a single cancellable notification. Aborting closes the request and
// the engine stops the transfer.
import type { Readable } from 'node:stream';
import type { EngineClient } from './client';
import { EngineError, toEngineError } from './errors';

export interface TransferProgress {
  readonly layers: number;
  readonly layersDone: number;
  /** Bytes moved so far over the layers whose size the engine told. */
  readonly bytes: number;
  readonly totalBytes: number;
  /** The last status line, e.g. "Pulling fs layer". */
  readonly status: string;
}

export interface TransferResult {
  readonly digest?: string;
  readonly bytes: number;
  readonly layers: number;
}

interface ProgressMessage {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
  aux?: { Digest?: string };
}

const DONE = /^(Pull complete|Already exists|Layer already exists|Pushed|Mounted from|Download complete)/;

/** Folds the engine's per-layer messages into one running total. */
export class LayerProgress {
  private readonly layers = new Map<string, { current: number; total: number; done: boolean }>();
  private status = '';
  digest?: string;

  read(m: ProgressMessage): TransferProgress | undefined {
    if (m.error !== undefined) throw new EngineError('engineFailure', m.errorDetail?.message ?? m.error, { engineMessage: m.errorDetail?.message ?? m.error });
    if (m.aux?.Digest) this.digest = m.aux.Digest;
    const digestLine = /digest: (sha256:[0-9a-f]{64})/i.exec(m.status ?? '');
    if (digestLine) this.digest = digestLine[1];
    if (m.status) this.status = m.id && !/^[0-9a-f]{12}$/.test(m.id) ? `${m.id}: ${m.status}` : m.status;
    if (!m.id || !/^[0-9a-f]{12,}$/.test(m.id)) return this.snapshot();
    const layer = this.layers.get(m.id) ?? { current: 0, total: 0, done: false };
    const phase = m.status ?? '';
    // Downloading/Pushing carry the transfer bytes; Extracting would count them a second time.
    if (/^(Downloading|Pushing)/.test(phase) && m.progressDetail?.total) {
      layer.total = m.progressDetail.total;
      layer.current = Math.min(m.progressDetail.current ?? 0, layer.total);
    }
    if (DONE.test(phase)) {
      layer.done = true;
      if (layer.total) layer.current = layer.total;
    }
    this.layers.set(m.id, layer);
    return this.snapshot();
  }

  snapshot(): TransferProgress {
    const all = [...this.layers.values()];
    return {
      layers: all.length,
      layersDone: all.filter((l) => l.done).length,
      bytes: all.reduce((n, l) => n + l.current, 0),
      totalBytes: all.reduce((n, l) => n + l.total, 0),
      status: this.status,
    };
  }
}

/** A pull or a push: the reference, the registry auth body (or none), progress, and a signal to cancel. */
export type ImageTransfer = (
  client: EngineClient,
  reference: string,
  auth: Record<string, string> | undefined,
  onProgress: (p: TransferProgress) => void,
  signal?: AbortSignal,
) => Promise<TransferResult>;

export const pullImage: ImageTransfer = (client, reference, auth, onProgress, signal) =>
  follow(client, signal, () => client.docker.pull(reference, { authconfig: auth, abortSignal: signal } as never) as unknown as Promise<Readable>, onProgress);

export const pushImage: ImageTransfer = (client, reference, auth, onProgress, signal) => {
  const colon = reference.lastIndexOf(':');
  const hasTag = colon > reference.lastIndexOf('/');
  const image = client.docker.getImage(hasTag ? reference.slice(0, colon) : reference);
  const tag = hasTag ? reference.slice(colon + 1) : 'latest';
  return follow(client, signal, () => image.push({ tag, authconfig: auth, abortSignal: signal } as never) as unknown as Promise<Readable>, onProgress);
};

async function follow(client: EngineClient, signal: AbortSignal | undefined, open: () => Promise<Readable>, onProgress: (p: TransferProgress) => void): Promise<TransferResult> {
  const progress = new LayerProgress();
  try {
    const stream = await open();
    let pending = '';
    for await (const chunk of stream) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        const snapshot = progress.read(JSON.parse(line) as ProgressMessage);
        if (snapshot) onProgress(snapshot);
      }
    }
    if (pending.trim()) progress.read(JSON.parse(pending) as ProgressMessage);
  } catch (error) {
    if (signal?.aborted) throw new EngineError('cancelled', 'transfer cancelled', { endpoint: client.endpoint.host });
    throw toEngineError(error, client.endpoint.host);
  }
  if (signal?.aborted) throw new EngineError('cancelled', 'transfer cancelled', { endpoint: client.endpoint.host });
  const last = progress.snapshot();
  return { digest: progress.digest, bytes: last.totalBytes, layers: last.layers };
}
