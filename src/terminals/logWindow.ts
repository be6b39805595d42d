// The part of a log a view keeps: the last `capacity` entries in a ring, whatever the log's length.
// Entries are lines (with their source for compose projects) and markers the view draws as separators.
import type { LogLine } from '../engine/index';
import { stripAnsi } from './transcript';

export type LogEntry =
  | { readonly kind: 'line'; readonly source: string; readonly line: LogLine }
  | { readonly kind: 'marker'; readonly text: string };

/**
 * The ring keeps its entries as bytes in one buffer outside the JavaScript heap, with their kind, source and
 * place in typed arrays, and makes entry objects only when it is read (a redraw, an export). Kept as objects,
 * every entry of a fast log outlived two young-generation collections (10,000 lines are more than a
 * scavenge's worth of a million-line stream), so each line was promoted and then died in the old generation:
 * the heap grew by 150 MiB while the window held 10,000 lines. Bytes in a buffer are never promoted.
 */
export class LogWindow {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  /** Where the next entry's bytes go. */
  private head = 0;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  /** The timestamp's bytes at the start of a line's bytes (a space follows it); 0 when it has none. */
  private readonly timestampLengths: Uint16Array;
  private readonly kinds: Uint8Array;
  private readonly sourceIndexes: Uint16Array;
  private readonly sources: string[] = [];
  private readonly sourceIndex = new Map<string, number>();
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.timestampLengths = new Uint16Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.sourceIndexes = new Uint16Array(capacity);
  }

  push(entry: LogEntry): void {
    if (this.count === this.capacity) this.count--; // the oldest goes: its slot is the one written now
    const slot = this.next;
    if (entry.kind === 'marker') {
      this.kinds[slot] = Kind.marker;
      this.timestampLengths[slot] = 0;
      this.store(slot, entry.text, '');
    } else {
      const { timestamp, text, stream } = entry.line;
      this.kinds[slot] = stream === 'stderr' ? Kind.stderr : Kind.stdout;
      this.sourceIndexes[slot] = this.indexOf(entry.source);
      this.timestampLengths[slot] = timestamp ? Buffer.byteLength(timestamp) : 0;
      this.store(slot, text, timestamp);
    }
    this.next = (slot + 1) % this.capacity;
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** Oldest first. */
  *[Symbol.iterator](): IterableIterator<LogEntry> {
    const first = this.oldest();
    for (let i = 0; i < this.count; i++) yield this.entry((first + i) % this.capacity);
  }

  private oldest(): number {
    return (this.next - this.count + this.capacity) % this.capacity;
  }

  private entry(slot: number): LogEntry {
    const start = this.starts[slot];
    const end = start + this.lengths[slot];
    const kind = this.kinds[slot];
    if (kind === Kind.marker) return { kind: 'marker', text: this.bytes.toString('utf8', start, end) };
    const timestampBytes = this.timestampLengths[slot];
    const timestamp = timestampBytes ? this.bytes.toString('utf8', start, start + timestampBytes) : '';
    const text = this.bytes.toString('utf8', timestampBytes ? start + timestampBytes + 1 : start, end);
    return { kind: 'line', source: this.sources[this.sourceIndexes[slot]], line: { stream: kind === Kind.stderr ? 'stderr' : 'stdout', timestamp, text } };
  }

  private indexOf(source: string): number {
    let index = this.sourceIndex.get(source);
    if (index === undefined) {
      index = this.sources.push(source) - 1;
      this.sourceIndex.set(source, index);
    }
    return index;
  }

  /** Writes `timestamp text` (or `text` alone) into the byte ring for `slot`, growing the ring when it is full. */
  private store(slot: number, text: string, timestamp: string): void {
    const timestampBytes = this.timestampLengths[slot];
    const length = (timestampBytes ? timestampBytes + 1 : 0) + Buffer.byteLength(text);
    let at = this.room(length);
    if (at < 0) {
      this.grow(length);
      at = this.head;
    }
    if (timestampBytes) {
      this.bytes.write(timestamp, at, 'utf8');
      this.bytes[at + timestampBytes] = 0x20;
    }
    this.bytes.write(text, at + (timestampBytes ? timestampBytes + 1 : 0), 'utf8');
    this.starts[slot] = at;
    this.lengths[slot] = length;
    this.head = at + length;
  }

  /**
   * Where `length` bytes fit without overwriting a kept entry, or -1. An entry never wraps: when the end of
   * the buffer is too short, it starts again at 0, and the unused tail is skipped.
   */
  private room(length: number): number {
    if (this.count === 0) return length <= this.bytes.length ? 0 : -1;
    const oldestStart = this.starts[this.oldest()];
    if (this.head > oldestStart) {
      if (this.bytes.length - this.head >= length) return this.head;
      return oldestStart >= length ? 0 : -1;
    }
    return oldestStart - this.head >= length ? this.head : -1;
  }

  /** Doubles the ring until the kept entries and `length` more bytes fit, copying the entries in order. */
  private grow(length: number): void {
    let kept = 0;
    const first = this.oldest();
    for (let i = 0; i < this.count; i++) kept += this.lengths[(first + i) % this.capacity];
    let size = this.bytes.length * 2;
    while (size < 2 * (kept + length)) size *= 2;
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    for (let i = 0; i < this.count; i++) {
      const slot = (first + i) % this.capacity;
      this.bytes.copy(bytes, at, this.starts[slot], this.starts[slot] + this.lengths[slot]);
      this.starts[slot] = at;
      at += this.lengths[slot];
    }
    this.bytes = bytes;
    this.head = at;
  }
}

const enum Kind {
  marker,
  stdout,
  stderr,
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
