// The bounded log window, rendering of lines for the terminal and for files, the filter and "since".
import * as assert from 'node:assert/strict';
import { entryMatches, LogWindow, plainEntry, renderEntry, type LogEntry } from '../../../src/terminals/logWindow';
import { parseSince, splitCommandLine } from '../../../src/terminals/userInput';
import { stripAnsi, TranscriptBuffer } from '../../../src/terminals/transcript';

const line = (text: string, stream: 'stdout' | 'stderr' = 'stdout', source = 'web'): LogEntry => ({
  kind: 'line',
  source,
  line: { stream, text, timestamp: '2024-01-01T00:00:00.5Z' },
});

describe('log window and rendering', () => {
  it('keeps only the last entries, oldest first', () => {
    const window = new LogWindow(3);
    for (let i = 1; i <= 5; i++) window.push(line(`n ${i}`));
    assert.equal(window.size, 3);
    assert.deepEqual([...window].map((e) => (e.kind === 'line' ? e.line.text : '')), ['n 3', 'n 4', 'n 5']);
  });

  it('gives back every kept entry as it came, across wraps and growth of its byte ring', () => {
    const window = new LogWindow(50);
    const pushed: LogEntry[] = [];
    for (let i = 0; i < 2_000; i++) {
      // Lengths that vary from a few bytes to ~40 KiB, so the ring wraps, skips short tails and grows.
      const size = i % 97 === 0 ? 40_000 : (i * 7919) % 300;
      const entry: LogEntry =
        i % 13 === 0
          ? { kind: 'marker', text: `── restarted ${i} ──` }
          : { kind: 'line', source: i % 3 === 0 ? 'db' : 'web', line: { stream: i % 2 ? 'stderr' : 'stdout', timestamp: i % 5 ? `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}.${i}Z` : '', text: `${i} ${'日志 x'.repeat(size / 5)}` } };
      window.push(entry);
      pushed.push(entry);
      if (i % 50 === 49 || i === 1_999) assert.deepEqual([...window], pushed.slice(-50), `after ${i + 1} entries`);
    }
  });

  it('keeps a line\'s spaces, an empty line and an empty timestamp apart', () => {
    const window = new LogWindow(4);
    const entries: LogEntry[] = [
      { kind: 'line', source: 'web', line: { stream: 'stdout', timestamp: '', text: 'no timestamp here' } },
      { kind: 'line', source: 'web', line: { stream: 'stdout', timestamp: '2024-01-01T00:00:00Z', text: '' } },
      { kind: 'line', source: 'web', line: { stream: 'stderr', timestamp: '2024-01-01T00:00:00Z', text: '  indented  ' } },
      { kind: 'marker', text: '' },
    ];
    entries.forEach((e) => window.push(e));
    assert.deepEqual([...window], entries);
  });

  it('marks stderr, keeps the line\'s colours, prefixes compose sources and writes plain files', () => {
    const style = { timestamps: false, sourceWidth: 0 };
    assert.equal(renderEntry(line('\x1b[32mok\x1b[0m'), style), '\x1b[32mok\x1b[0m\x1b[0m\r\n');
    assert.match(renderEntry(line('boom', 'stderr'), style), /\x1b\[31m┃\x1b\[0m boom/);
    const compose = { timestamps: true, sourceWidth: 5 };
    assert.equal(stripAnsi(renderEntry(line('hi', 'stdout', 'db'), compose)), 'db    | 2024-01-01T00:00:00.5Z hi\r\n');
    assert.equal(plainEntry(line('\x1b[31mred\x1b[0m', 'stderr'), style), 'stderr| red\n');
    assert.equal(plainEntry({ kind: 'marker', text: '── restarted ──' }, style), '── restarted ──\n');
  });

  it('filters on the visible text, never hiding separators', () => {
    assert.ok(entryMatches(line('\x1b[1mERROR\x1b[0m: disk'), /error: disk/i));
    assert.ok(!entryMatches(line('all fine'), /error/i));
    assert.ok(entryMatches({ kind: 'marker', text: 'restarted' }, /error/i));
  });

  it('reads "since" as a duration back from now or as a date', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    assert.equal(parseSince('10m', now), now / 1000 - 600);
    assert.equal(parseSince('1h30m', now), now / 1000 - 5400);
    assert.equal(parseSince('2024-05-01T00:00:00Z', now), Date.parse('2024-05-01T00:00:00Z') / 1000);
    assert.equal(parseSince('  ', now), undefined);
    assert.throws(() => parseSince('yesterday-ish', now), RangeError);
  });

  it('splits a shell command line, keeping quoted parts together', () => {
    assert.deepEqual(splitCommandLine(`bash -lc "echo hi there" 'x y'`), ['bash', '-lc', 'echo hi there', 'x y']);
    assert.deepEqual(splitCommandLine('   '), []);
  });

  it('keeps a bounded plain transcript', () => {
    const t = new TranscriptBuffer(10);
    for (let i = 0; i < 100; i++) t.append(`\x1b[1m${i}\x1b[0m\r\n`);
    assert.ok(t.plain().length <= 10);
    assert.match(t.plain(), /99\n$/);
  });
});
