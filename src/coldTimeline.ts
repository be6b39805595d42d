// The cold-start timeline (issue 20): when each step from the extension host's start to the first rows
// happened, as milliseconds since the epoch so the benchmark can put them beside the page's own clock.
// Each mark is taken once (the first time); the benchmark reads them through the API and prints them.
import { performance } from 'node:perf_hooks';

export type ColdMark =
  | 'bundle evaluation started'
  | 'activated'
  | 'view about to show'
  | 'quick read done'
  | 'quick read gave nothing'
  | 'engine bundle loaded'
  | 'engine connected'
  | 'event stream open'
  | 'first full read done'
  | 'rows first asked for'
  | 'rows asked for, engine connected'
  | 'last known rows returned'
  | 'first rows returned';

export class ColdTimeline {
  private readonly marks = new Map<ColdMark | 'extension host started', number>([['extension host started', performance.timeOrigin]]);

  /** `at` is a performance.now() reading (default: now). */
  mark(name: ColdMark, at = performance.now()): void {
    if (!this.marks.has(name)) this.marks.set(name, performance.timeOrigin + at);
  }

  /** The marks in the order they happened. */
  entries(): { readonly mark: string; readonly at: number }[] {
    return [...this.marks].map(([mark, at]) => ({ mark, at })).sort((a, b) => a.at - b.at);
  }
}
