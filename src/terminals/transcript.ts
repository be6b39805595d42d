// The last part of what a terminal wrote, with escape sequences removed: bounded, so a chatty session
// cannot grow it without limit.

const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ESCAPES, '');
}

export class TranscriptBuffer {
  private text = '';

  constructor(private readonly limit = 64 * 1024) {}

  append(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit * 2) this.text = this.text.slice(-this.limit);
  }

  /** The recent text as plain characters (no colours or cursor moves). */
  plain(): string {
    return stripAnsi(this.text.slice(-this.limit)).replace(/\r/g, '');
  }
}
