// Notices an engine answering again, quickly and cheaply, for whatever waits on it (log followers, shells,
// the session). Followers back off 1, 2, 4… s between their full attempts so an outage costs little, but
// waiting for the next of those timers made them resume seconds after the engine was back; a bare ping
// (on a refused unix socket it fails in microseconds) every `intervalMs` wakes them within that interval.
// It probes only while someone listens, and fires once per return.

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
