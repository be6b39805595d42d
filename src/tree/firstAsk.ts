// When VS Code first asked an engine's explorer views for their rows (issue 20). With the last window's
// containers in the store, the composition root holds the engine's connect back until VS Code has them:
// loading the engine bundle, the ping, the doctor's check and the first read otherwise share the extension
// host with VS Code's first ask and delayed it by ~150 ms (the cold benchmark's timeline).

/** How long the connect waits for a first ask that does not come (the extension activated for a Dockerfile). */
const NO_ASK_WAIT_MS = 1000;

export class FirstAsk {
  constructor(private readonly noAskWaitMs = NO_ASK_WAIT_MS) {}

  private settle!: () => void;
  private readonly answered = new Promise<void>((resolve) => (this.settle = resolve));

  /** Resolves once a view needs the engine, once the rows of an earlier window are on their way to VS Code, or after a second. */
  whenAnswered(): Promise<void> {
    return Promise.race([this.answered, new Promise<void>((resolve) => setTimeout(resolve, this.noAskWaitMs).unref())]);
  }

  /** A view answers from the snapshot: its answer leaves when this turn of the event loop ends. */
  answeredFromSnapshot(): void {
    setImmediate(this.settle);
  }

  /** A view's rows need the engine. */
  needsEngine(): void {
    this.settle();
  }
}
