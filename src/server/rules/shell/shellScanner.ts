// The lexical half of the shell parser: the cursor over the script, blanks, comments and line
// continuations, here-document bodies, and words with their quoting and expansions. The grammar half
// (shellParser.ts) decides what the words form; substitutions call back into it through the two abstract
// methods, so the commands inside `$(...)` and backquotes are found too.
import { ShellParseError, ShellRedirect, ShellWord, SimpleCommand } from './shellSyntax';

export interface Context {
  inSubshell: boolean;
  conditional: boolean;
}

interface PendingHeredoc {
  redirect: ShellRedirect;
  delimiter: string;
  stripTabs: boolean;
}

export const MAX_DEPTH = 48;
const RESERVED = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'select',
  'function', '{', '}', '[[', '!',
]);
export const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r';
}

export function isWordEnd(c: string): boolean {
  return c === '' || isBlank(c) || c === '\n' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' ||
    c === '(' || c === ')';
}

export abstract class ShellScanner {
  protected pos: number;
  protected pending: PendingHeredoc[] = [];
  protected wordContext: Context = { inSubshell: false, conditional: false };

  constructor(
    protected readonly src: string,
    start: number,
    protected readonly end: number,
    protected readonly depth: number,
    readonly commands: SimpleCommand[],
    readonly errors: ShellParseError[],
  ) {
    this.pos = start;
  }

  /** Parses the list inside `$(` up to its `)`, leaving the cursor on the `)`. */
  protected abstract parseCommandSubstitution(context: Context): void;

  /** Parses the text of a backquoted command, [from, to) of the script. */
  protected abstract parseBackquoted(context: Context, from: number, to: number): void;

  protected peek(offset = 0): string {
    const i = this.pos + offset;
    return i < this.end ? this.src[i] : '';
  }

  protected startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos) && this.pos + s.length <= this.end;
  }

  protected error(message: string): void {
    if (this.errors.length < 50) this.errors.push({ message, offset: this.pos });
  }

  /** Skips spaces, line continuations and comments, but not newlines. */
  protected skipBlanks(): void {
    for (;;) {
      const c = this.peek();
      if (isBlank(c)) this.pos++;
      else if (c === '\\' && this.peek(1) === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < this.end && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  protected skipBlanksAndNewlines(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== '\n') return;
      this.consumeNewline();
    }
  }

  /** Consumes a newline and the bodies of here-documents opened on the line it ends. */
  protected consumeNewline(): void {
    this.pos++;
    const pending = this.pending;
    this.pending = [];
    for (const heredoc of pending) {
      const bodyStart = this.pos;
      let found = false;
      while (this.pos < this.end) {
        let lineEnd = this.src.indexOf('\n', this.pos);
        if (lineEnd < 0 || lineEnd > this.end) lineEnd = this.end;
        let line = this.src.slice(this.pos, lineEnd);
        if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
        const lineStart = this.pos;
        this.pos = Math.min(lineEnd + 1, this.end);
        if (line.trimEnd() === heredoc.delimiter) {
          heredoc.redirect.heredocBody = this.src.slice(bodyStart, lineStart);
          found = true;
          break;
        }
      }
      if (!found) {
        heredoc.redirect.heredocBody = this.src.slice(bodyStart, this.pos);
        this.error(`here-document "${heredoc.delimiter}" is not terminated`);
      }
    }
  }

  /** The reserved word at the cursor, if the next token is one. */
  protected reservedWordAhead(): string | undefined {
    const c = this.peek();
    if (!(c >= 'a' && c <= 'z') && c !== '{' && c !== '}' && c !== '[' && c !== '!') return undefined;
    let i = this.pos;
    while (i < this.end && !isWordEnd(this.src[i])) i++;
    const word = this.src.slice(this.pos, i);
    return RESERVED.has(word) ? word : undefined;
  }

  protected expectWord(word: string): void {
    this.skipBlanksAndNewlines();
    if (this.reservedWordAhead() === word) this.pos += word.length;
    else this.error(`expected "${word}"`);
  }


  protected skipBalanced(open: string, close: string): void {
    this.pos += open.length;
    let depth = 0;
    while (this.pos < this.end) {
      if (depth === 0 && this.startsWith(close)) {
        this.pos += close.length;
        return;
      }
      const c = this.src[this.pos];
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === '\n' && this.pending.length > 0) {
        this.consumeNewline();
        continue;
      }
      this.pos++;
    }
    this.error(`expected "${close}"`);
  }

  protected readWord(): ShellWord {
    const start = this.pos;
    let value = '';
    let literal = true;
    let quoted = false;
    while (this.pos < this.end) {
      const c = this.src[this.pos];
      if (c === '(' && this.src[this.pos - 1] === '=' && ASSIGNMENT.test(this.src.slice(start, this.pos))) {
        const arrayStart = this.pos;
        this.skipBalanced('(', ')');
        value += this.src.slice(arrayStart, this.pos);
        continue;
      }
      if (isWordEnd(c)) break;
      if (c === '\\') {
        const next = this.peek(1);
        if (next !== '\n') value += next;
        this.pos += 2;
      } else if (c === "'") {
        quoted = true;
        const close = this.src.indexOf("'", this.pos + 1);
        const stop = close < 0 || close >= this.end ? this.end : close;
        if (stop === this.end) this.error('unterminated single quote');
        value += this.src.slice(this.pos + 1, stop);
        this.pos = Math.min(stop + 1, this.end);
      } else if (c === '"') {
        quoted = true;
        this.pos++;
        const inner = this.readDoubleQuoted();
        value += inner.value;
        literal &&= inner.literal;
      } else if (c === '$' && this.peek(1) === "'") {
        quoted = true;
        this.pos += 2;
        value += this.readAnsiQuoted();
      } else if (c === '$' || c === '`') {
        const expansion = this.readExpansion();
        value += expansion;
        if (expansion !== '$') literal = false;
      } else {
        value += c;
        this.pos++;
      }
    }
    if (this.pos > this.end) this.pos = this.end;
    return { raw: this.src.slice(start, this.pos), value, literal, quoted, start, end: this.pos };
  }

  protected readDoubleQuoted(): { value: string; literal: boolean } {
    let value = '';
    let literal = true;
    while (this.pos < this.end) {
      const c = this.src[this.pos];
      if (c === '"') {
        this.pos++;
        return { value, literal };
      }
      if (c === '\\') {
        const next = this.peek(1);
        if (next === '\n') { /* line continuation */ } else if ('$`"\\'.includes(next) && next !== '') value += next;
        else value += c + next;
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        const expansion = this.readExpansion();
        value += expansion;
        if (expansion !== '$') literal = false;
      } else {
        value += c;
        this.pos++;
      }
    }
    this.error('unterminated double quote');
    return { value, literal };
  }

  protected readAnsiQuoted(): string {
    let value = '';
    while (this.pos < this.end && this.src[this.pos] !== "'") {
      if (this.src[this.pos] === '\\' && this.pos + 1 < this.end) {
        const next = this.src[this.pos + 1];
        value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        this.pos += 2;
      } else value += this.src[this.pos++];
    }
    this.pos = Math.min(this.pos + 1, this.end);
    return value;
  }

  /** Reads `$name`, `${..}`, `$(..)`, `$((..))` or a backquoted command; returns its source text. */
  protected readExpansion(): string {
    const start = this.pos;
    const context = { ...this.wordContext, inSubshell: true };
    if (this.src[this.pos] === '`') {
      let close = this.pos + 1;
      while (close < this.end && this.src[close] !== '`') close += this.src[close] === '\\' ? 2 : 1;
      close = Math.min(close, this.end);
      if (this.depth < MAX_DEPTH) this.parseBackquoted(context, this.pos + 1, close);
      if (close >= this.end) this.error('unterminated backquote');
      this.pos = Math.min(close + 1, this.end);
      return this.src.slice(start, this.pos);
    }
    const next = this.peek(1);
    if (next === '(' && this.peek(2) === '(') {
      this.pos++;
      this.skipBalanced('((', '))');
    } else if (next === '(') {
      this.pos += 2;
      this.parseCommandSubstitution(context);
      if (this.peek() === ')') this.pos++;
      else this.error('expected ")"');
    } else if (next === '{') {
      let depth = 0;
      this.pos++;
      while (this.pos < this.end) {
        const c = this.src[this.pos++];
        if (c === '\\') this.pos++;
        else if (c === '{') depth++;
        else if (c === '}' && --depth === 0) break;
      }
      this.pos = Math.min(this.pos, this.end);
    } else if (/[A-Za-z_]/.test(next)) {
      this.pos++;
      while (this.pos < this.end && /[A-Za-z0-9_]/.test(this.src[this.pos])) this.pos++;
    } else if (next !== '' && '0123456789@*#?$!-'.includes(next)) {
      this.pos += 2;
    } else {
      this.pos++;
    }
    return this.src.slice(start, this.pos);
  }
}
