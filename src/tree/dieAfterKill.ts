// `docker rm -f` of a running container makes the engine send `kill` (SIGKILL), `die` and `destroy` within
// ~50 ms, and the CLI returns with the `destroy`. A read for the `die` lands just before the `destroy` and
// repaints the row as "Exited (137)"; VS Code then holds the repaint that removes the row until its 200 ms
// tree-refresh window ends (issue 20: rm -f returned → row gone, goal 60 ms; 238 ms median of 5 before). So
// a `die` that follows a SIGKILL waits a moment before it is read: when `destroy` comes, it is never read;
// otherwise (`docker kill`, a stop that timed out) it is read DESTROY_GRACE_MS later than it would have been.
import type { EngineEvent } from '../models/engineEvent';

/** On this machine `destroy` follows `die` by 20–45 ms in a `docker rm -f`; room for a loaded engine. */
export const DESTROY_GRACE_MS = 100;

export class DieAfterKill {
  /** Containers sent SIGKILL whose `die` has not come yet. */
  private readonly killed = new Set<string>();
  /** Held `die` events by container, each with the timer that releases it. */
  private readonly held = new Map<string, { readonly event: EngineEvent; readonly timer: NodeJS.Timeout }>();

  /** `release` hears a held event when it is to be read after all; the caller plans it as any other. */
  constructor(
    private readonly release: (event: EngineEvent) => void,
    private readonly graceMs = DESTROY_GRACE_MS,
  ) {}

  /**
   * True when the event is held (the caller plans nothing for it now). Any later event of a container whose
   * `die` is held releases that `die` first, so its plan sees the events in the engine's order.
   */
  hold(event: EngineEvent): boolean {
    if (event.type !== 'container') return false;
    const id = event.actorId;
    const held = this.held.get(id);
    if (held) {
      clearTimeout(held.timer);
      this.held.delete(id);
      if (event.action !== 'destroy') this.release(held.event);
    }
    if (event.action === 'kill') {
      if (isSigkill(event.attributes.signal)) this.killed.add(id);
      return false;
    }
    if (event.action === 'destroy' || event.action === 'start') {
      this.killed.delete(id);
      return false;
    }
    if (event.action !== 'die' || !this.killed.delete(id)) return false;
    const timer = setTimeout(() => {
      this.held.delete(id);
      this.release(event);
    }, this.graceMs);
    this.held.set(id, { event, timer });
    return true;
  }

  /** The event stream closed: what it held will be read by the full read of the next one. */
  clear(): void {
    for (const { timer } of this.held.values()) clearTimeout(timer);
    this.held.clear();
    this.killed.clear();
  }
}

/** The engine stamps `kill` with the signal's number; `docker kill -s KILL` arrives as "9" too. */
function isSigkill(signal: string | undefined): boolean {
  return signal === '9' || signal === 'SIGKILL' || signal === 'KILL';
}
