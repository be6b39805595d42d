// The part of a log a view keeps: the last `capacity` entries in a ring, whatever the log's length.
// Entries are lines (with their source for compose projects) and markers the view draws as separators.
import type { LogLine } from '../engine/index';
import { stripAnsi } from './transcript';

export type LogEntry =
  | { readonly kind: 'line'; readonly source: string; readonly line: LogLine }
  | { readonly kind: 'marker'; readonly text: string };

export class LogWindow {
  private readonly entries: (LogEntry | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.entries = new Array<LogEntry | undefined>(capacity);
  }

  push(entry: LogEntry): void {
    this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Oldest first. */
  *[Symbol.iterator](): IterableIterator<LogEntry> {
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) yield this.entries[(start + i) % this.capacity]!;
  }
}

export interface LineStyle {
  readonly timestamps: boolean;
  /** Width to pad source names to; 0 leaves them out (one container). */
  readonly sourceWidth: number;
}

const SOURCE_COLOURS = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94];
const STDERR_MARK = '\x1b[31m┃\x1b[0m ';

/** One entry as terminal text: source prefix, dimmed timestamp, a red bar before stderr; the line's own colours kept. */
export function renderEntry(entry: LogEntry, style: LineStyle): string {
  if (entry.kind === 'marker') return `\x1b[2m${entry.text}\x1b[0m\r\n`;
  let out = '';
  if (style.sourceWidth > 0) out += `\x1b[${sourceColour(entry.source)}m${entry.source.padEnd(style.sourceWidth)} |\x1b[0m `;
  if (style.timestamps && entry.line.timestamp) out += `\x1b[2m${entry.line.timestamp}\x1b[0m `;
  if (entry.line.stream === 'stderr') out += STDERR_MARK;
  // Reset after the line, so a colour the program left open does not bleed into the next one.
  return `${out}${entry.line.text}\x1b[0m\r\n`;
}

/** The same entry for a file: no escape sequences, "stderr" spelled out. */
export function plainEntry(entry: LogEntry, style: LineStyle): string {
  if (entry.kind === 'marker') return `${entry.text}\n`;
  let out = style.sourceWidth > 0 ? `${entry.source.padEnd(style.sourceWidth)} | ` : '';
  if (style.timestamps && entry.line.timestamp) out += `${entry.line.timestamp} `;
  if (entry.line.stream === 'stderr') out += 'stderr| ';
  return `${out}${stripAnsi(entry.line.text)}\n`;
}

export function entryMatches(entry: LogEntry, filter: RegExp | undefined): boolean {
  return !filter || entry.kind === 'marker' || filter.test(stripAnsi(entry.line.text));
}

function sourceColour(source: string): number {
  let hash = 0;
  for (const ch of source) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return SOURCE_COLOURS[hash % SOURCE_COLOURS.length];
}
