// A VS Code terminal over an interactive engine session (a shell exec or an attach). Keystrokes go to the
// container's TTY as they are, so Ctrl-C and Ctrl-D mean what they mean in a local shell; the panel's size
// follows into the TTY; when the session ends the terminal says how, and stays until a key is pressed. When
// the engine goes away under it (a restart, a crash) it says so and offers to reconnect with Enter.
import * as vscode from 'vscode';
import type { InteractiveSession } from '../engine/index';
import { TranscriptBuffer } from './transcript';

export type SessionKind = 'shell' | 'attach';

export interface SessionTerminalOptions {
  readonly kind: SessionKind;
  /** Opens the session once the terminal knows its size; `reconnecting` after the engine connection was lost. */
  readonly open: (size: { columns: number; rows: number } | undefined, reconnecting: boolean) => Promise<InteractiveSession>;
  /** The sentence for a failure (an engine error's mapped sentence). */
  readonly describe: (error: unknown) => string;
  /** Lines shown before the session's first output. */
  readonly banner?: readonly string[];
  /** An attach with stdin: Ctrl-P Ctrl-Q detach (the keybindings send them here instead of to Quick Open). */
  readonly detachable?: boolean;
}

const CTRL_P = '\x10';
const CTRL_Q = '\x11';

export class SessionTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  /** What the terminal showed, bounded: for tests and for "what did it say" diagnostics. */
  readonly transcript = new TranscriptBuffer();
  private session?: InteractiveSession;
  private size?: { columns: number; rows: number };
  private finished = false;
  /** The engine connection was lost: Enter reconnects. */
  private lost = false;
  private lastInput = '';
  private detachRequested = false;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly exited = new vscode.EventEmitter<number | undefined>();
  /** Fires with the exit code (undefined when unknown) when the session ends. */
  readonly onDidExit = this.exited.event;

  constructor(private readonly options: SessionTerminalOptions) {}

  /** True while Ctrl-P Ctrl-Q would detach from a live session. */
  get detachable(): boolean {
    return !!this.options.detachable && !this.finished;
  }

  open(dimensions: vscode.TerminalDimensions | undefined): void {
    this.size = dimensions ? { columns: dimensions.columns, rows: dimensions.rows } : undefined;
    for (const line of this.options.banner ?? []) this.write(`\x1b[2m${line}\x1b[0m\r\n`);
    void this.start(false);
  }

  private async start(reconnecting: boolean): Promise<void> {
    try {
      const session = await this.options.open(this.size, reconnecting);
      this.session = session;
      session.onOutput((chunk) => this.write(this.decoder.decode(chunk.data, { stream: true }).replace(/(?<!\r)\n/g, session.tty ? '\n' : '\r\n')));
      if (this.size) await session.resize(this.size.columns, this.size.rows).catch(() => undefined);
      await session.ended;
      const outcome = await session.outcome();
      if (outcome.kind === 'connectionLost') this.connectionLost(this.options.describe(outcome.error));
      else await this.finish(outcome.exitCode);
    } catch (error) {
      // A failed reconnect is still a lost connection: the user may try again once the engine is back.
      if (reconnecting) return this.connectionLost(this.options.describe(error));
      this.write(`\x1b[31m${this.options.describe(error)}\x1b[0m\r\n`);
      await this.finish(undefined, true);
    }
  }

  private connectionLost(sentence: string): void {
    if (this.finished) return;
    this.finished = true;
    this.lost = true;
    this.session = undefined;
    const what = this.options.kind === 'attach'
      ? vscode.l10n.t('The connection to the engine was lost, so the attached session ended; the container may still run.')
      : vscode.l10n.t('The connection to the engine was lost, so the shell ended.');
    this.write(`\r\n\x1b[31m${what} ${sentence}\x1b[0m\r\n`);
    this.write(`\x1b[7m ${vscode.l10n.t('Press Enter to reconnect, or any other key to close the terminal.')} \x1b[0m\r\n`);
    this.exited.fire(undefined);
  }

  private reconnect(): void {
    this.finished = false;
    this.lost = false;
    this.write(`\x1b[2m${vscode.l10n.t('Reconnecting…')}\x1b[0m\r\n`);
    void this.start(true);
  }

  private async finish(exitCode: number | undefined, failed = false): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    let sentence: string;
    if (failed) sentence = vscode.l10n.t('Press any key to close the terminal.');
    else if (this.detachRequested) sentence = vscode.l10n.t('Detached: the container keeps running. Press any key to close the terminal.');
    else if (this.options.kind === 'attach')
      sentence = exitCode === undefined
        ? vscode.l10n.t('The attached stream ended. Press any key to close the terminal.')
        : vscode.l10n.t('The container stopped with exit code {0}. Press any key to close the terminal.', exitCode);
    else
      sentence = exitCode === undefined
        ? vscode.l10n.t('The shell ended. Press any key to close the terminal.')
        : vscode.l10n.t('The shell exited with code {0}. Press any key to close the terminal.', exitCode);
    this.write(`\r\n\x1b[7m ${sentence} \x1b[0m\r\n`);
    this.exited.fire(exitCode);
  }

  handleInput(data: string): void {
    if (this.finished && this.lost && data.includes('\r')) return this.reconnect();
    if (this.finished) {
      // No exit code here: the terminal already said how the session ended, and a code would make VS Code
      // raise its own "terminated with exit code" notification on top of it.
      this.closed.fire();
      return;
    }
    if (!this.session?.writable) return;
    // The engine detaches on Ctrl-P Ctrl-Q itself; remember it so the end is described as a detach.
    if (this.options.kind === 'attach' && (this.lastInput + data).endsWith(CTRL_P + CTRL_Q)) this.detachRequested = true;
    this.lastInput = data.slice(-1);
    this.session.write(data);
  }

  setDimensions(dimensions: vscode.TerminalDimensions): void {
    this.size = { columns: dimensions.columns, rows: dimensions.rows };
    void this.session?.resize(dimensions.columns, dimensions.rows).catch(() => undefined);
  }

  close(): void {
    this.session?.close();
    this.written.dispose();
    this.closed.dispose();
    this.exited.dispose();
  }

  private write(text: string): void {
    this.transcript.append(text);
    this.written.fire(text);
  }
}
