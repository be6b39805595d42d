// The server thread's handle on an analysis worker (serverWorker.ts): requests go one at a time, each with
// a time budget. A request over its budget, or cancelled after it has run a while, is abandoned by
// terminating the worker (the only way to stop synchronous code), which is started again for the next
// request. So no request costs more than its budget, and a crash or an out-of-memory in the worker loses
// the requests in flight, never the server.
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerSetup } from './workerProtocol';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: 'timeout' | 'failed' | 'cancelled'; message?: string };

export interface CancelSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export interface CallOptions {
  /** How long the request may take until its synchronous part is done, waiting for its turn included. */
  budgetMs: number;
  onPartial?: (value: unknown) => void;
  cancel?: CancelSignal;
}

interface Pending {
  id: number;
  op: string;
  args: unknown;
  options: CallOptions;
  resolve: (outcome: Outcome<unknown>) => void;
  deadline: number;
  started?: number;
  timer?: NodeJS.Timeout;
  subscription?: { dispose(): void };
}

/** A cancelled request that has run this long is abandoned at once: the remainder is likely long too. */
const abandonAfterMs = 200;
/** Heap a worker may use; beyond it V8 stops the worker (reported as a failed request) instead of the server. */
const workerHeapMb = 1024;
/**
 * A small young generation: an analysis allocates short-lived garbage in bursts, and V8's default young
 * generation keeps tens of MiB of it resident per worker after the burst (the idle server held ~300 MB
 * after 2,000 documents); collecting it more often costs little next to the analysis itself.
 */
const workerYoungGenerationMb = 8;

export class AnalysisWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly queue: Pending[] = [];
  private current: Pending | undefined;
  /** Requests whose synchronous part is done, waiting for their result (lint waits for ShellCheck). */
  private readonly waiting = new Map<number, Pending>();
  /** Worker starts, for tests and the log. */
  restarts = 0;

  constructor(
    private readonly file: string,
    private readonly setup: WorkerSetup,
    private readonly log: (message: string) => void,
  ) {}

  call<T>(op: string, args: unknown, options: CallOptions): Promise<Outcome<T>> {
    return new Promise((resolve) => {
      const pending: Pending = { id: this.nextId++, op, args, options, deadline: Date.now() + options.budgetMs, resolve: resolve as Pending['resolve'] };
      if (options.cancel?.isCancellationRequested) return resolve({ ok: false, reason: 'cancelled' });
      pending.subscription = options.cancel?.onCancellationRequested(() => this.cancel(pending));
      this.queue.push(pending);
      this.dispatch();
    });
  }

  dispose(): void {
    this.stop('failed', 'the server is shutting down');
    for (const pending of this.queue.splice(0)) this.settle(pending, { ok: false, reason: 'failed' });
  }

  private dispatch(): void {
    // Requests whose time ran out while they waited behind a slow one are answered without running.
    while (this.queue.length > 0 && this.queue[0].deadline - Date.now() <= 0) {
      this.settle(this.queue.shift()!, { ok: false, reason: 'timeout', message: 'its time ran out while it waited for the worker' });
    }
    if (this.current || this.queue.length === 0) return;
    const pending = this.queue.shift()!;
    this.current = pending;
    pending.started = Date.now();
    pending.timer = setTimeout(() => this.overBudget(pending), pending.deadline - pending.started);
    this.ensureWorker().postMessage({ type: 'call', id: pending.id, op: pending.op, args: pending.args } satisfies ToWorker);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file, { workerData: this.setup, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb, maxYoungGenerationSizeMb: workerYoungGenerationMb } });
    this.restarts++;
    worker.on('message', (message: FromWorker) => this.onMessage(message));
    worker.on('error', (error) => this.onWorkerGone(worker, `the analysis worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => this.onWorkerGone(worker, `the analysis worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private onMessage(message: FromWorker): void {
    if (message.type === 'log') return this.log(message.message);
    const pending = this.current?.id === message.id ? this.current : this.waiting.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'partial':
        pending.options.onPartial?.(message.value);
        return;
      case 'ready':
        this.finishSyncPart(pending);
        this.waiting.set(pending.id, pending);
        return;
      case 'result':
        this.finishSyncPart(pending);
        this.settle(pending, { ok: true, value: message.value });
        return;
      case 'error':
        this.finishSyncPart(pending);
        this.settle(pending, { ok: false, reason: message.cancelled ? 'cancelled' : 'failed', message: message.message });
    }
  }

  /** The worker is free again: the next request goes. */
  private finishSyncPart(pending: Pending): void {
    if (this.current !== pending) return;
    clearTimeout(pending.timer);
    this.current = undefined;
    this.dispatch();
  }

  private settle(pending: Pending, outcome: Outcome<unknown>): void {
    clearTimeout(pending.timer);
    pending.subscription?.dispose();
    this.waiting.delete(pending.id);
    pending.resolve(outcome);
  }

  private overBudget(pending: Pending): void {
    if (this.current !== pending) return;
    this.log(`${pending.op} was still running after ${pending.options.budgetMs} ms and was stopped`);
    this.stop('timeout');
  }

  private cancel(pending: Pending): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      return this.settle(pending, { ok: false, reason: 'cancelled' });
    }
    if (this.waiting.has(pending.id)) {
      this.worker?.postMessage({ type: 'cancel', id: pending.id } satisfies ToWorker);
      return this.settle(pending, { ok: false, reason: 'cancelled' });
    }
    if (this.current === pending) {
      if (Date.now() - (pending.started ?? Date.now()) >= abandonAfterMs) return this.stop('cancelled');
      // Nearly done, most likely: let it finish (a restart costs more) but drop its result.
      pending.resolve({ ok: false, reason: 'cancelled' });
      pending.resolve = () => undefined;
    }
  }

  /** Terminates the worker: the running request ends with `reason`, the waiting ones fail; the queue goes on. */
  private stop(reason: 'timeout' | 'cancelled' | 'failed', message?: string): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      worker.removeAllListeners();
      void worker.terminate();
    }
    this.abandonInFlight(reason, message);
  }

  private onWorkerGone(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    worker.removeAllListeners();
    this.log(message);
    this.abandonInFlight('failed', message);
  }

  private abandonInFlight(reason: 'timeout' | 'cancelled' | 'failed', message?: string): void {
    const current = this.current;
    this.current = undefined;
    if (current) this.settle(current, { ok: false, reason, message });
    for (const pending of [...this.waiting.values()]) this.settle(pending, { ok: false, reason: 'failed', message: 'the analysis worker was restarted' });
    this.dispatch();
  }
}
