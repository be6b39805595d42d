// Resource usage as the docker CLI computes it (`docker stats`), from the engine's raw stats documents.
import type { EngineClient } from './client';
import { toEngineError } from './errors';
import { LineSplitter } from './streams';

export interface StatsSample {
  /** Milliseconds since the epoch, from the engine's `read` field. */
  readonly time: number;
  /** Percent of one CPU × online CPUs, like `docker stats` (200 % = two CPUs busy). */
  readonly cpuPercent: number;
  readonly memoryUsageBytes: number;
  readonly memoryLimitBytes: number;
  readonly networkRxBytes: number;
  readonly networkTxBytes: number;
  readonly blockReadBytes: number;
  readonly blockWriteBytes: number;
  readonly pids: number;
}

/** The parts of the engine's stats document we read; both cgroup v1 and v2 shapes. */
export interface RawStats {
  read?: string;
  cpu_stats?: { cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number };
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op?: string; value?: number }[] | null };
  pids_stats?: { current?: number };
}

export function toStatsSample(raw: RawStats): StatsSample {
  const cpu = raw.cpu_stats ?? {};
  const pre = raw.precpu_stats ?? {};
  const cpuDelta = (cpu.cpu_usage?.total_usage ?? 0) - (pre.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu.system_cpu_usage ?? 0) - (pre.system_cpu_usage ?? 0);
  const onlineCpus = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 1;
  const cpuPercent = systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * onlineCpus * 100 : 0;

  let network = { rx: 0, tx: 0 };
  for (const n of Object.values(raw.networks ?? {})) network = { rx: network.rx + (n.rx_bytes ?? 0), tx: network.tx + (n.tx_bytes ?? 0) };
  let block = { read: 0, write: 0 };
  for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op?.toLowerCase();
    if (op === 'read') block = { ...block, read: block.read + (entry.value ?? 0) };
    if (op === 'write') block = { ...block, write: block.write + (entry.value ?? 0) };
  }
  return {
    time: raw.read ? Date.parse(raw.read) : Date.now(),
    cpuPercent,
    memoryUsageBytes: memoryUsage(raw.memory_stats ?? {}),
    memoryLimitBytes: raw.memory_stats?.limit ?? 0,
    networkRxBytes: network.rx,
    networkTxBytes: network.tx,
    blockReadBytes: block.read,
    blockWriteBytes: block.write,
    pids: raw.pids_stats?.current ?? 0,
  };
}

/** Usage without the page cache the kernel can reclaim, as the docker CLI shows it (v1 and v2 cgroups). */
function memoryUsage(memory: NonNullable<RawStats['memory_stats']>): number {
  const usage = memory.usage ?? 0;
  const stats = memory.stats ?? {};
  const inactive = stats.total_inactive_file ?? stats.inactive_file;
  return inactive !== undefined && inactive < usage ? usage - inactive : usage;
}

/** One stats document (the engine waits about a second so that the CPU figure has two readings). */
export async function readStats(client: EngineClient, id: string): Promise<StatsSample> {
  try {
    const raw = (await client.docker.getContainer(id).stats({ stream: false })) as unknown as RawStats;
    return toStatsSample(raw);
  } catch (error) {
    throw toEngineError(error, client.endpoint.host);
  }
}

/** Streams a sample about every second until `signal` aborts or the container stops. */
export async function streamStats(client: EngineClient, id: string, onSample: (sample: StatsSample) => void, signal: AbortSignal): Promise<void> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await client.docker.getContainer(id).stats({ stream: true, abortSignal: signal } as never)) as unknown as NodeJS.ReadableStream;
  } catch (error) {
    throw toEngineError(error, client.endpoint.host);
  }
  const lines = new LineSplitter();
  await new Promise<void>((resolve, reject) => {
    const stop = () => (stream as unknown as { destroy(): void }).destroy();
    signal.addEventListener('abort', stop, { once: true });
    stream.on('data', (data: Buffer) => {
      for (const line of lines.push(data)) if (line.trim()) onSample(toStatsSample(JSON.parse(line) as RawStats));
    });
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', (error) => (signal.aborted ? resolve() : reject(toEngineError(error, client.endpoint.host))));
  });
}

/** `docker top`: the process table as the engine's ps printed it. */
export interface ProcessTable {
  readonly titles: readonly string[];
  readonly processes: readonly (readonly string[])[];
}

export async function containerProcesses(client: EngineClient, id: string): Promise<ProcessTable> {
  try {
    const result = (await client.docker.getContainer(id).top()) as { Titles?: string[]; Processes?: string[][] | null };
    return { titles: result.Titles ?? [], processes: result.Processes ?? [] };
  } catch (error) {
    throw toEngineError(error, client.endpoint.host);
  }
}

export type ChangeKind = 'changed' | 'added' | 'deleted';

export interface FileChange {
  readonly path: string;
  readonly kind: ChangeKind;
}

/** `docker diff`: files changed in the container's writable layer, sorted by path. */
export async function containerChanges(client: EngineClient, id: string): Promise<FileChange[]> {
  try {
    const result = ((await client.docker.getContainer(id).changes()) ?? []) as { Path: string; Kind: number }[];
    const kinds: ChangeKind[] = ['changed', 'added', 'deleted'];
    return result.map((c) => ({ path: c.Path, kind: kinds[c.Kind] ?? 'changed' })).sort((a, b) => a.path.localeCompare(b.path));
  } catch (error) {
    throw toEngineError(error, client.endpoint.host);
  }
}
