// A swarm service's logs, all tasks in one stream, each line prefixed with its task the way `docker service
// logs` does (`web.2.x1y2z3@node1`). The engine adds the task, node and service ids to each line when asked
// for `details`; the names behind those ids are read once and again when an unknown task shows up.
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';
import { isEngineError, toEngineError } from './errors';
import type { FollowOptions, LogEvent, LogLine } from './logs';
import { LineSplitter, outputChunks, type OutputStream } from './streams';
import { mapNode, mapService, mapTask, taskName, type RawNode, type RawService, type RawTask } from '../models/swarmMappers';

/** `<timestamp> <k=v,k=v> <text>` → the line and its details (the engine's format with timestamps and details). */
export function parseServiceLogLine(stream: OutputStream, raw: string): { line: LogLine; details: Record<string, string> } {
  const firstSpace = raw.indexOf(' ');
  const timestamp = firstSpace > 0 ? raw.slice(0, firstSpace) : '';
  const rest = firstSpace > 0 ? raw.slice(firstSpace + 1) : raw;
  const secondSpace = rest.indexOf(' ');
  const detailText = secondSpace >= 0 ? rest.slice(0, secondSpace) : rest;
  const details: Record<string, string> = {};
  for (const pair of detailText.split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) details[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
  }
  return { line: { stream, timestamp, text: secondSpace >= 0 ? rest.slice(secondSpace + 1) : '' }, details };
}

export class ServiceLogFollower {
  private readonly abort = new AbortController();
  private names = new Map<string, string>();
  readonly done: Promise<void>;

  constructor(
    private readonly client: (retrying: boolean) => Promise<EngineClient>,
    private readonly serviceId: string,
    private readonly options: FollowOptions,
    private readonly onEvent: (event: LogEvent) => void,
  ) {
    this.done = this.run();
  }

  dispose(): void {
    this.abort.abort();
  }

  private async run(): Promise<void> {
    let lost = false;
    let since: string | undefined;
    while (!this.abort.signal.aborted) {
      try {
        const client = await this.client(lost);
        await this.learnNames(client);
        if (lost) this.onEvent({ kind: 'reconnected' });
        lost = false;
        const query: Record<string, unknown> = { follow: true, stdout: true, stderr: true, timestamps: true, details: true };
        if (since) query.since = since;
        else if (this.options.tail !== undefined) query.tail = this.options.tail;
        await this.read(client, query, (timestamp) => (since = timestamp));
        if (this.abort.signal.aborted) return;
        // The engine ends a followed service log when the service goes; otherwise the connection dropped.
        await engineRequest(client, () => client.docker.getService(this.serviceId).inspect());
        throw new Error('the service log stream ended');
      } catch (error) {
        if (this.abort.signal.aborted) return;
        if (isEngineError(error) && error.code === 'notFound') return this.onEvent({ kind: 'removed' });
        if (!lost) this.onEvent({ kind: 'connectionLost', reason: error instanceof Error ? error.message : String(error) });
        lost = true;
        await new Promise((r) => setTimeout(r, this.options.retryDelayMs ?? 1000));
      }
    }
  }

  private async read(client: EngineClient, query: Record<string, unknown>, onTimestamp: (t: string) => void): Promise<void> {
    let stream: NodeJS.ReadableStream;
    try {
      stream = (await client.docker.getService(this.serviceId).logs({ ...query, abortSignal: this.abort.signal } as never)) as unknown as NodeJS.ReadableStream;
    } catch (error) {
      throw toEngineError(error, client.endpoint.host);
    }
    const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
    const pending: Promise<void>[] = [];
    const emit = (name: OutputStream, raw: string) => {
      const { line, details } = parseServiceLogLine(name, raw);
      if (line.timestamp) onTimestamp(line.timestamp);
      const taskId = details['com.docker.swarm.task.id'];
      const deliver = () => this.onEvent({ kind: 'line', line: { ...line, text: `${this.prefix(taskId, details['com.docker.swarm.node.id'])} | ${line.text}` } });
      if (taskId && !this.names.has(taskId)) pending.push(this.learnNames(client).then(deliver, deliver));
      else deliver();
    };
    const abort = () => (stream as unknown as { destroy(): void }).destroy();
    this.abort.signal.addEventListener('abort', abort, { once: true });
    try {
      await outputChunks(stream, false, (chunk) => splitters[chunk.stream].push(chunk.data).forEach((l) => emit(chunk.stream, l)));
      await Promise.all(pending);
    } catch (error) {
      if (!this.abort.signal.aborted) throw toEngineError(error, client.endpoint.host);
    } finally {
      this.abort.signal.removeEventListener('abort', abort);
    }
  }

  private prefix(taskId: string | undefined, nodeId: string | undefined): string {
    return (taskId && this.names.get(taskId)) ?? `${(taskId ?? '').slice(0, 12)}@${(nodeId ?? '').slice(0, 12)}`;
  }

  /** `web.2.x1y2z3w4v5u6@hostname` for every task of the service. */
  private async learnNames(client: EngineClient): Promise<void> {
    const d = client.docker;
    const [service, tasks, nodes] = await engineRequest(client, () =>
      Promise.all([d.getService(this.serviceId).inspect(), d.listTasks({ filters: JSON.stringify({ service: [this.serviceId] }) }), d.listNodes({})]),
    );
    const s = mapService(service as RawService);
    const hostnames = new Map((nodes as unknown as RawNode[]).map(mapNode).map((n) => [n.id, n.hostname]));
    this.names = new Map(
      (tasks as RawTask[]).map(mapTask).map((t) => [t.id, `${taskName(s, t)}.${t.id.slice(0, 12)}@${hostnames.get(t.nodeId ?? '') ?? (t.nodeId ?? '').slice(0, 12)}`]),
    );
  }
}
