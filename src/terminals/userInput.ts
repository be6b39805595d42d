// What users type into the terminal prompts and settings, read without vscode so that it is unit-tested.

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "since": a duration back from now (90s, 10m, 2h, 1d, 1h30m) or a date and time, as seconds since the epoch, or undefined when `text` is empty; throws RangeError when it cannot be read. */
export function parseSince(text: string, now = Date.now()): number | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (/^(\d+(\.\d+)?[smhd])+$/i.test(value)) {
    let seconds = 0;
    for (const m of value.toLowerCase().matchAll(/(\d+(?:\.\d+)?)([smhd])/g)) seconds += Number(m[1]) * UNIT_SECONDS[m[2]];
    return Math.floor(now / 1000 - seconds);
  }
  const date = Date.parse(value);
  if (Number.isNaN(date)) throw new RangeError(value);
  return Math.floor(date / 1000);
}

/** Splits a command line on whitespace, keeping "double" or 'single' quoted parts together. */
export function splitCommandLine(line: string): string[] {
  const parts: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) parts.push(m[1] ?? m[2] ?? m[3] ?? '');
  return parts;
}
