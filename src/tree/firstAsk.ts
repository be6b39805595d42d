// When VS Code first asked an engine's explorer views for their rows (issue 20). With the last window's
// containers in the store, or a quick read of them on the way, the composition root holds the engine's connect
// back until VS Code has them: loading the engine bundle, the ping, the doctor's check and the first read
// otherwise share the extension host with VS Code's first ask and delayed it by ~150 ms (the cold
// benchmark's timeline).

/** How long the connect waits for a first ask that does not come (the extension activated for a Dockerfile). */
const NO_ASK_WAIT_MS = 1000;
/** How long the first ask waits for the quick read before it waits for the session instead. */
const QUICK_READ_WAIT_MS = 500;

export class FirstAsk {
  constructor(
    private readonly noAskWaitMs = NO_ASK_WAIT_MS,
    private readonly quickReadWaitMs = QUICK_READ_WAIT_MS,
  ) {}

  private quick?: Promise<void>;
  private quickLanded = false;

  private settle!: () => void;
  private readonly answered = new Promise<void>((resolve) => (this.settle = resolve));

  /** Resolves once a view needs the engine, once the rows of an earlier window are on their way to VS Code, or after a second. */
  whenAnswered(): Promise<void> {
    return Promise.race([this.answered, new Promise<void>((resolve) => setTimeout(resolve, this.noAskWaitMs).unref())]);
  }

  /** The engine's containers are being read without the session (engine/quickContainerList.ts). */
  readingQuickly(read: Promise<unknown>): void {
    const landed = () => {
      this.quickLanded = true;
    };
    this.quick = read.then(landed, landed);
  }

  /** Whether a quick read was started: the first ask can be answered without the session. */
  get readsQuickly(): boolean {
    return this.quick !== undefined;
  }

  /** Settles once the quick read has landed (or QUICK_READ_WAIT_MS passed); undefined when none is on its way. */
  quickRead(): Promise<void> | undefined {
    if (!this.quick || this.quickLanded) return undefined;
    return Promise.race([this.quick, new Promise<void>((resolve) => setTimeout(resolve, this.quickReadWaitMs).unref())]);
  }

  /** A view answers from the snapshot or the quick read: its answer leaves when this turn of the event loop ends. */
  answeredFromSnapshot(): void {
    setImmediate(this.settle);
  }

  /**
   * A view's rows need the engine (a view the snapshot does not cover). The connect still lets the Containers
   * view's answer leave first: loading the engine bundle blocks the extension host for tens of ms, and VS Code
   * asks all the visible views at once. So it starts after this turn, and after the quick read if one is on
   * its way (the Containers view answers as soon as it lands).
   */
  needsEngine(): void {
    const later = () => setImmediate(this.settle);
    if (this.quick) void this.quick.then(later);
    else later();
  }
}
