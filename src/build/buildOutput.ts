// What a build printed, made readable: the Output channel cannot render ANSI colours, so they are stripped
// (the classic builder wraps a step's stderr in red), and the failing step's last meaningful lines are kept
// for the toast and the diagnostic, where "returned a non-zero code: 1" alone says nothing. Pure.

// CSI sequences (colours, cursor moves) and OSC sequences (titles, links). Written here rather than taken
// from a package: one expression, and the packages for it are ESM-only.
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Lines that are the builder talking, not the failing command. */
const NOISE = [
  /^Step \d+\/\d+ : /,
  /^ ---> /,
  /^Removing intermediate container /,
  /^The command .* returned a non-zero code/,
  /^(?:ERROR: )?process .* did not complete successfully/,
  /^#\d+ (?:\[.*\] |DONE |CACHED|ERROR: |sha256:|resolve |transferring |naming to |exporting |writing )/,
  /^#\d+ \d+(?:\.\d+)?s?$/,
];

/** Collects the output of the step that runs now, so a failure can quote its last lines. */
export class StepOutput {
  private lines: string[] = [];
  private partial = '';

  /** A new step started: what the previous one printed no longer explains a failure. */
  stepStarted(): void {
    this.lines = [];
    this.partial = '';
  }

  append(text: string): void {
    const all = (this.partial + stripAnsi(text)).split('\n');
    this.partial = all.pop() ?? '';
    for (const raw of all) {
      // A progress bar redraws itself with \r: what stays on screen is the last part.
      const line = raw.split('\r').filter(Boolean).pop()?.trimEnd() ?? '';
      if (!line.trim() || NOISE.some((n) => n.test(line))) continue;
      // BuildKit prefixes each line with its step's number: the command's words follow it.
      const text = line.replace(/^#\d+ /, '');
      this.lines.push(text.trim());
      if (this.lines.length > 50) this.lines.shift();
    }
  }

  /** The step's last `count` meaningful lines, oldest first. */
  lastLines(count = 3): string[] {
    const tail = this.partial.trim() ? [...this.lines, stripAnsi(this.partial).trim()] : this.lines;
    return tail.slice(-count);
  }
}
