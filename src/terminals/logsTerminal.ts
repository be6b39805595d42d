// A read-only terminal following container logs: ANSI colours pass through as the program wrote them, stderr
// gets a red bar, restarts and reconnects get separator lines. Filter and save act on the active one.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';
import { formatTime } from '../tree/format';
import { LogPipeline, type LogMarkers, type LogSource } from './logPipeline';
import { plainEntry, entryMatches, type LogEntry } from './logWindow';
import { TranscriptBuffer } from './transcript';

export interface LogsTerminalOptions {
  readonly sources: readonly LogSource[];
  readonly tail?: number;
  readonly since?: number;
  readonly timestamps: boolean;
  readonly windowLines: number;
}

const markers: LogMarkers = {
  restarted: (source, startedAt) => `──── ${vscode.l10n.t('{0} restarted at {1}', source, formatTime(startedAt))} ────`,
  stopped: (source) => `──── ${vscode.l10n.t('{0} stopped; waiting for it to start again', source)} ────`,
  connectionLost: () => `──── ${vscode.l10n.t('Lost the connection to the engine; reconnecting…')} ────`,
  reconnected: () => `──── ${vscode.l10n.t('Reconnected to the engine')} ────`,
  removed: (source) => `──── ${vscode.l10n.t('{0} was removed', source)} ────`,
};

export class LogsTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<void>();
  private readonly renamed = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  /** The title says when a filter hides lines: "Logs: web (filter: error)". */
  readonly onDidChangeName = this.renamed.event;
  /** The terminal's name without the filter, set when it opens. */
  baseName = '';
  readonly transcript = new TranscriptBuffer(256 * 1024);
  private pipeline?: LogPipeline;

  constructor(
    private readonly session: EngineSession,
    readonly options: LogsTerminalOptions,
  ) {}

  open(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const engine = await this.session.engine();
    this.pipeline = new LogPipeline({
      ...this.options,
      engine,
      client: async (retrying) => {
        // After a failure, ask the session to dial again: the engine may have restarted or moved.
        if (retrying) await this.session.connect();
        return this.session.client();
      },
      engineBack: (listener) => this.session.onEngineBack(listener),
      markers,
      output: (text) => this.write(text),
    });
    this.pipeline.start();
  }

  get filter(): RegExp | undefined {
    return this.pipeline?.currentFilter;
  }

  setFilter(filter: RegExp | undefined): void {
    // The first line and the title say a filter is on, so hidden lines are not taken for a quiet container.
    const header = filter ? vscode.l10n.t('Filter: only lines matching {0} (Dockside: Filter Logs... to change, empty to show all)', filter.source) : undefined;
    this.pipeline?.setFilter(filter, header);
    if (this.baseName) this.renamed.fire(filter ? vscode.l10n.t('{0} (filter: {1})', this.baseName, filter.source) : this.baseName);
  }

  /**
   * Writes the whole log (not only the window) to `file`, read from the engine as a stream so memory stays
   * bounded (the file stream holds only what the disk has not taken yet); the current filter applies. For a compose project, one section per container.
   */
  async save(file: vscode.Uri): Promise<void> {
    const engine = await this.session.engine();
    const client = await this.session.client();
    const out = fs.createWriteStream(file.fsPath, { encoding: 'utf8' });
    const style = this.pipeline?.style ?? { timestamps: this.options.timestamps, sourceWidth: 0 };
    const filter = this.filter;
    try {
      for (const source of this.options.sources) {
        const runtime = await engine.containerRuntime(client, source.id);
        await engine.readLogs(client, source.id, runtime.tty, { follow: false, since: this.options.since }, (line) => {
          const entry: LogEntry = { kind: 'line', source: source.name, line };
          if (entryMatches(entry, filter)) out.write(plainEntry(entry, style));
        });
      }
    } finally {
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    }
  }

  handleInput(): void {
    // Read-only: keystrokes have nowhere to go.
  }

  close(): void {
    this.pipeline?.dispose();
    this.written.dispose();
    this.closed.dispose();
    this.renamed.dispose();
  }

  private write(text: string): void {
    this.transcript.append(text);
    this.written.fire(text);
  }
}
