// The containers the explorer showed last, per engine, in a file of the extension's global storage. A window
// opened again paints them at once, marked as the last known state, while it connects and reads, instead of
// an empty view for the few hundred ms that loading the engine bundle, connecting and the first full read
// take (issue 20). Only the Containers view's items are kept (the view that opens first), only for the engine
// the file names, and the first full read replaces them row by row. Pure Node: no vscode.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ContainerSummary } from '../models/container';

const VERSION = 1;
/** At most one write per this many ms: a burst of events changes the store many times a second. */
const SAVE_DELAY_MS = 2000;
/** Older than this, a snapshot says too little of the engine to be worth showing. */
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

interface SnapshotFile {
  readonly version: number;
  readonly host: string;
  readonly savedAt: number;
  readonly containers: readonly ContainerSummary[];
}

export class ExplorerSnapshots {
  private timer?: NodeJS.Timeout;
  private due?: { readonly host: string; readonly containers: () => readonly ContainerSummary[] };

  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The containers last saved for this engine, unless none were, the file is damaged or too old. Read at
   * once (a few ms for 1,000 containers) during activation, so that VS Code's first ask finds them.
   */
  load(host: string): readonly ContainerSummary[] | undefined {
    try {
      const data = JSON.parse(fs.readFileSync(this.fileOf(host), 'utf8')) as Partial<SnapshotFile>;
      if (data.version !== VERSION || data.host !== host || !Array.isArray(data.containers)) return undefined;
      if (typeof data.savedAt !== 'number' || this.now() - data.savedAt > MAX_AGE_MS) return undefined;
      return data.containers;
    } catch {
      return undefined; // None yet, or unreadable: the view waits for the engine as it always did.
    }
  }

  /** Saves the engine's containers soon; `containers` is read when the write happens, so it is the latest. */
  saveSoon(host: string, containers: () => readonly ContainerSummary[]): void {
    this.due = { host, containers };
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, SAVE_DELAY_MS);
  }

  /** Writes what is due now (a temporary file renamed over the old one: a reader never sees half a file). */
  async flush(): Promise<void> {
    const due = this.take();
    if (!due) return;
    const file = this.fileOf(due.host);
    try {
      await fs.promises.mkdir(this.dir, { recursive: true });
      await fs.promises.writeFile(`${file}.tmp`, due.text);
      await fs.promises.rename(`${file}.tmp`, file);
    } catch {
      // A snapshot only makes the next window quicker: failing to write one loses nothing.
    }
  }

  /** On the way out (the window closes): what is due is written before the extension host goes. */
  dispose(): void {
    const due = this.take();
    if (!due) return;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(this.fileOf(due.host), due.text);
    } catch {
      // As in flush().
    }
  }

  private take(): { host: string; text: string } | undefined {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const due = this.due;
    this.due = undefined;
    if (!due) return undefined;
    const snapshot: SnapshotFile = { version: VERSION, host: due.host, savedAt: this.now(), containers: due.containers() };
    return { host: due.host, text: JSON.stringify(snapshot) };
  }

  private fileOf(host: string): string {
    return path.join(this.dir, `${createHash('sha256').update(host).digest('hex').slice(0, 16)}.json`);
  }
}
