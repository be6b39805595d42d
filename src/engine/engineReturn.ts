// Notices an engine answering again, quickly and cheaply, for whatever waits on it (log followers, shells,
// the session). Followers back off 1, 2, 4… s between their full attempts so an outage costs little, but
// waiting for the next of those timers made them resume seconds after the engine was back; a bare ping
// (on a refused unix socket it fails in microseconds) every `intervalMs` wakes them within that interval.
// It probes only while someone listens, and fires once per return.
import type { EngineClient } from './client';
import { toEngineError } from './errors';

/** Exit codes of a process killed by SIGKILL or SIGTERM: what a stopping engine does to its containers. */
export const KILLED_EXIT_CODES: ReadonlySet<number> = new Set([137, 143]);

/**
 * True when the engine stops answering within `withinMs`: it was shutting down. A stopping engine first
 * kills the containers (a build step, a shell's exec end with 137 or 143) and answers a little longer;
 * without this check that looks like the program's own failure.
 */
export async function engineStopsAnswering(client: EngineClient, withinMs = 3000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    try {
      await client.ping();
    } catch (error) {
      const code = toEngineError(error, client.endpoint.host).code;
      return code === 'unreachable' || code === 'timeout';
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export interface EngineReturnOptions {
  /** True when the engine answers now; must not throw. */
  readonly ping: () => Promise<boolean>;
  /** How often to ask while someone waits. */
  readonly intervalMs?: number;
}

export interface Subscription {
  dispose(): void;
}

export class EngineReturnWatch {
  private readonly listeners = new Set<() => void>();
  private timer?: NodeJS.Timeout;
  private probing = false;

  constructor(private readonly options: EngineReturnOptions) {}

  /** Calls `listener` once, the first time the engine answers after this call; dispose to stop waiting. */
  onReturn(listener: () => void): Subscription {
    const once = () => {
      this.listeners.delete(once);
      listener();
    };
    this.listeners.add(once);
    this.schedule();
    return { dispose: () => this.listeners.delete(once) };
  }

  get waiting(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer || this.probing || this.listeners.size === 0) return;
    this.timer = setTimeout(() => void this.probe(), this.options.intervalMs ?? 250);
    // A pending probe never keeps a process (a test, the CLI) alive on its own.
    this.timer.unref?.();
  }

  private async probe(): Promise<void> {
    this.timer = undefined;
    if (this.listeners.size === 0) return;
    this.probing = true;
    let answered = false;
    try {
      answered = await this.options.ping();
    } catch {
      answered = false;
    } finally {
      this.probing = false;
    }
    if (answered) for (const listener of [...this.listeners]) listener();
    this.schedule();
  }
}
