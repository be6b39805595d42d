// Keeps the engine's status text ("Up 5 minutes", "Exited (0) 2 hours ago") true as time passes. The
// explorer reads the engine on events only, so without this a row would say "Up 1 second" for as long as
// nothing happens to the container. The engine writes these texts with go-units' HumanDuration; reading
// one back gives a lower bound of the duration, and the row re-renders it with the time since it was read.
// Pure: no vscode, no engine.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UP = /^Up (.+?)( \((?:healthy|unhealthy|health: starting|Paused)\))?$/;
const SINCE = /^(Exited|Restarting) \((-?\d+)\) (.+) ago$/;

/** go-units' HumanDuration, as the engine writes it. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / HOUR + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / HOUR / 24 / 365)} years`;
}

/** The shortest duration HumanDuration writes as `text`; undefined for text it never writes. */
export function parseHumanDuration(text: string): number | undefined {
  if (text === 'Less than a second') return 0;
  if (text === 'About a minute') return MINUTE;
  if (text === 'About an hour') return HOUR;
  const match = /^(\d+) (second|minute|hour|day|week|month|year)s?$/.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  switch (match[2]) {
    case 'second': return n * SECOND;
    case 'minute': return n * MINUTE;
    case 'hour': return n * HOUR - 30 * MINUTE; // HumanDuration rounds hours to the nearest
    case 'day': return n * DAY;
    case 'week': return n * 7 * DAY;
    case 'month': return n * 30 * DAY;
    default: return n * 365 * DAY;
  }
}

/** `status` as the engine would write it `elapsedMs` after it wrote it; other texts come back unchanged. */
export function advanceStatus(status: string, elapsedMs: number): string {
  const up = UP.exec(status);
  if (up) {
    const ms = parseHumanDuration(up[1]);
    return ms === undefined ? status : `Up ${humanDuration(ms + elapsedMs)}${up[2] ?? ''}`;
  }
  const since = SINCE.exec(status);
  if (since) {
    const ms = parseHumanDuration(since[3]);
    return ms === undefined ? status : `${since[1]} (${since[2]}) ${humanDuration(ms + elapsedMs)} ago`;
  }
  return status;
}
