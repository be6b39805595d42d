// A recursive-descent parser for the POSIX/bash shell language as RUN bodies use it: quoting, escapes,
// `&&` `||` `;` `|` `&`, subshells and groups, if/while/until/for/case/functions, `[[ ]]`, `(( ))`,
// command and process substitution, redirections and here-documents. Written here rather than taken from
// npm because the synchronous parsers measured 3 ms per KB (mvdan-sh) and the WASM ones load
// asynchronously; the linter runs on every keystroke. It never throws: bad input yields errors and a
// best-effort command list, and every loop consumes input so that no text can make it hang.
import { ASSIGNMENT, Context, isWordEnd, MAX_DEPTH, ShellScanner } from './shellScanner';
import { ShellRedirect, ShellScript, ShellWord } from './shellSyntax';

const REDIRECT_OPERATORS = ['<<<', '<<-', '&>>', '<<', '<&', '>&', '<>', '>>', '>|', '&>', '<', '>'];

export function parseShell(text: string): ShellScript {
  const parser = new ShellParser(text, 0, text.length, 0, [], []);
  parser.parseScript();
  return { text, commands: parser.commands, errors: parser.errors };
}

class ShellParser extends ShellScanner {
  parseScript(): void {
    const context = { inSubshell: false, conditional: false };
    while (this.pos < this.end) {
      const before = this.pos;
      this.parseList(context, new Set(), '');
      if (this.pos < this.end) {
        this.error(`unexpected "${this.src[this.pos]}"`);
        if (this.pos === before || this.pos < this.end) this.pos++;
      }
    }
  }

  protected parseCommandSubstitution(context: Context): void {
    this.parseNested((p) => p.parseList(context, new Set(), ')'));
  }

  protected parseBackquoted(context: Context, from: number, to: number): void {
    const nested = new ShellParser(this.src, from, to, this.depth + 1, this.commands, this.errors);
    nested.parseList(context, new Set(), '');
  }

  protected parseList(context: Context, stops: Set<string>, close: string): void {
    for (;;) {
      this.skipBlanksAndNewlines();
      while (this.peek() === ';' && this.peek(1) !== ';') {
        this.pos++;
        this.skipBlanksAndNewlines();
      }
      const c = this.peek();
      if (c === '' || (close !== '' && c === close) || this.startsWith(';;')) return;
      const reserved = this.reservedWordAhead();
      if (reserved !== undefined && stops.has(reserved)) return;
      const before = this.pos;
      this.parseAndOr(context);
      this.skipBlanks();
      const next = this.peek();
      if ((next === ';' && this.peek(1) !== ';') || (next === '&' && this.peek(1) !== '&')) this.pos++;
      else if (next === '\n') this.consumeNewline();
      else if (this.pos === before) {
        if (next === ')' && close === '') this.error('unmatched ")"');
        else if (next !== ')' && next !== ';') this.error(`unexpected "${next}"`);
        if (next === ')' && close !== '') return;
        this.pos++;
      }
    }
  }

  protected parseAndOr(context: Context): void {
    this.parsePipeline(context);
    for (;;) {
      this.skipBlanks();
      if (this.startsWith('&&')) {
        this.pos += 2;
        this.skipBlanksAndNewlines();
        this.parsePipeline(context);
      } else if (this.startsWith('||')) {
        this.pos += 2;
        this.skipBlanksAndNewlines();
        this.parsePipeline({ ...context, conditional: true });
      } else return;
    }
  }

  protected parsePipeline(context: Context): void {
    this.skipBlanks();
    if (this.peek() === '!' && isWordEnd(this.peek(1))) this.pos++;
    const elements: Array<[number, number]> = [];
    for (;;) {
      const first = this.commands.length;
      this.parseCommand(context);
      elements.push([first, this.commands.length]);
      this.skipBlanks();
      if (this.peek() === '|' && this.peek(1) !== '|') {
        this.pos += this.peek(1) === '&' ? 2 : 1;
        this.skipBlanksAndNewlines();
        continue;
      }
      break;
    }
    if (elements.length < 2) return;
    elements.forEach(([from, to], index) => {
      for (let i = from; i < to; i++) {
        if (this.commands[i].pipelineLength > 1) continue;
        this.commands[i].pipelineIndex = index;
        this.commands[i].pipelineLength = elements.length;
      }
    });
  }

  protected parseCommand(context: Context): void {
    this.skipBlanks();
    const c = this.peek();
    if (c === '(' && this.peek(1) === '(') {
      this.skipBalanced('((', '))');
      this.parseTrailingRedirects(context);
      return;
    }
    if (c === '(') {
      this.pos++;
      this.parseNested((p) => p.parseList({ ...context, inSubshell: true }, new Set(), ')'));
      if (this.peek() === ')') this.pos++;
      else this.error('expected ")"');
      this.parseTrailingRedirects(context);
      return;
    }
    const reserved = this.reservedWordAhead();
    if (reserved === undefined || reserved === '!') {
      this.parseSimple(context);
      return;
    }
    this.pos += reserved.length;
    const inner = { ...context, conditional: true };
    switch (reserved) {
      case '{':
        this.parseNested((p) => p.parseList(context, new Set(['}']), ''));
        this.expectWord('}');
        break;
      case 'if':
        this.parseIf(inner);
        break;
      case 'while':
      case 'until':
        this.parseNested((p) => p.parseList(inner, new Set(['do']), ''));
        this.expectWord('do');
        this.parseNested((p) => p.parseList(inner, new Set(['done']), ''));
        this.expectWord('done');
        break;
      case 'for':
      case 'select':
        this.parseFor(inner);
        break;
      case 'case':
        this.parseCase(inner);
        break;
      case 'function':
        this.skipBlanks();
        this.readWord();
        this.skipBlanks();
        if (this.startsWith('()')) this.pos += 2;
        this.skipBlanksAndNewlines();
        this.parseNested((p) => p.parseCommand(inner));
        return;
      case '[[':
        this.parseTestExpression(context);
        return;
      default:
        this.error(`unexpected "${reserved}"`);
        return;
    }
    this.parseTrailingRedirects(context);
  }

  /** Bounds recursion so that deeply nested input degrades to skipped text instead of a stack overflow. */
  protected parseNested(parse: (parser: ShellParser) => void): void {
    if (this.depth >= MAX_DEPTH) {
      this.error('nesting too deep');
      this.pos = this.end;
      return;
    }
    const nested = new ShellParser(this.src, this.pos, this.end, this.depth + 1, this.commands, this.errors);
    nested.pending = this.pending;
    nested.wordContext = this.wordContext;
    parse(nested);
    this.pos = nested.pos;
    this.pending = nested.pending;
  }

  protected parseIf(context: Context): void {
    this.parseNested((p) => p.parseList(context, new Set(['then']), ''));
    this.expectWord('then');
    this.parseNested((p) => p.parseList(context, new Set(['elif', 'else', 'fi']), ''));
    for (;;) {
      this.skipBlanksAndNewlines();
      const word = this.reservedWordAhead();
      if (word === 'elif') {
        this.pos += 4;
        this.parseNested((p) => p.parseList(context, new Set(['then']), ''));
        this.expectWord('then');
        this.parseNested((p) => p.parseList(context, new Set(['elif', 'else', 'fi']), ''));
      } else if (word === 'else') {
        this.pos += 4;
        this.parseNested((p) => p.parseList(context, new Set(['fi']), ''));
      } else break;
    }
    this.expectWord('fi');
  }

  protected parseFor(context: Context): void {
    this.skipBlanks();
    if (this.startsWith('((')) this.skipBalanced('((', '))');
    else {
      this.wordContext = context;
      while (this.pos < this.end) {
        this.skipBlanks();
        const c = this.peek();
        if (c === '' || c === '\n' || c === ';' || this.reservedWordAhead() === 'do') break;
        const before = this.pos;
        this.readWord();
        if (this.pos === before) this.pos++;
      }
    }
    this.skipBlanks();
    if (this.peek() === ';') this.pos++;
    this.expectWord('do');
    this.parseNested((p) => p.parseList(context, new Set(['done']), ''));
    this.expectWord('done');
  }

  protected parseCase(context: Context): void {
    this.skipBlanks();
    this.wordContext = context;
    this.readWord();
    this.skipBlanksAndNewlines();
    if (this.startsWith('in') && isWordEnd(this.peek(2))) this.pos += 2;
    else this.error('expected "in"');
    for (;;) {
      this.skipBlanksAndNewlines();
      if (this.pos >= this.end) {
        this.error('expected "esac"');
        return;
      }
      if (this.reservedWordAhead() === 'esac') {
        this.pos += 4;
        return;
      }
      if (this.peek() === '(') this.pos++;
      while (this.pos < this.end && this.peek() !== ')' && this.peek() !== '\n') {
        const before = this.pos;
        this.readWord();
        this.skipBlanks();
        if (this.peek() === '|') this.pos++;
        if (this.pos === before) this.pos++;
      }
      if (this.peek() === ')') this.pos++;
      this.parseNested((p) => p.parseList(context, new Set(['esac']), ''));
      this.skipBlanksAndNewlines();
      for (const terminator of [';;&', ';;', ';&']) {
        if (this.startsWith(terminator)) {
          this.pos += terminator.length;
          break;
        }
      }
    }
  }

  /** `[[ ... ]]`: operators inside are operands, not list separators. Recorded as one command. */
  protected parseTestExpression(context: Context): void {
    const start = this.pos - 2;
    const words: ShellWord[] = [{ raw: '[[', value: '[[', literal: true, quoted: false, start, end: start + 2 }];
    this.wordContext = context;
    while (this.pos < this.end) {
      this.skipBlanks();
      if (this.startsWith(']]')) {
        words.push({ raw: ']]', value: ']]', literal: true, quoted: false, start: this.pos, end: this.pos + 2 });
        this.pos += 2;
        break;
      }
      const c = this.peek();
      if (c === '\n' || c === '') break;
      if (isWordEnd(c)) {
        const operator = this.startsWith('&&') || this.startsWith('||') ? 2 : 1;
        this.pos += operator;
        continue;
      }
      words.push(this.readWord());
    }
    this.pushCommand(words, [], [], start, context);
  }

  protected parseTrailingRedirects(context: Context): void {
    for (;;) {
      this.skipBlanks();
      if (!this.redirectAhead()) return;
      this.wordContext = context;
      this.readRedirect();
    }
  }

  protected parseSimple(context: Context): void {
    const start = this.pos;
    const words: ShellWord[] = [];
    const assignments: ShellWord[] = [];
    const redirects: ShellRedirect[] = [];
    this.wordContext = context;
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (this.redirectAhead()) {
        redirects.push(this.readRedirect());
        continue;
      }
      if ((c === '<' || c === '>') && this.peek(1) === '(') {
        words.push(this.readProcessSubstitution(context));
        continue;
      }
      if (c === '(' && words.length === 1 && assignments.length === 0) {
        // `name() compound-command`: a function definition.
        this.skipBalanced('(', ')');
        this.skipBlanksAndNewlines();
        this.parseNested((p) => p.parseCommand({ ...context, conditional: true }));
        return;
      }
      if (isWordEnd(c)) break;
      const word = this.readWord();
      if (words.length === 0 && ASSIGNMENT.test(word.raw)) assignments.push(word);
      else words.push(word);
    }
    if (words.length > 0 || assignments.length > 0 || redirects.length > 0) {
      this.pushCommand(words, assignments, redirects, start, context);
    }
  }

  protected pushCommand(words: ShellWord[], assignments: ShellWord[], redirects: ShellRedirect[], start: number,
    context: Context): void {
    this.commands.push({
      words, assignments, redirects, start, end: this.pos, pipelineIndex: 0, pipelineLength: 1,
      inSubshell: context.inSubshell, conditional: context.conditional,
    });
  }

  protected redirectAhead(): boolean {
    let i = this.pos;
    while (i < this.end && this.src[i] >= '0' && this.src[i] <= '9') i++;
    const c = i < this.end ? this.src[i] : '';
    if (c === '<' || c === '>') return this.src[i + 1] !== '(';
    return i === this.pos && c === '&' && this.src[i + 1] === '>';
  }

  protected readRedirect(): ShellRedirect {
    while (this.peek() >= '0' && this.peek() <= '9') this.pos++;
    const operator = REDIRECT_OPERATORS.find((op) => this.startsWith(op)) ?? this.peek();
    this.pos += operator.length;
    this.skipBlanks();
    const redirect: ShellRedirect = { operator };
    if ((this.peek() === '<' || this.peek() === '>') && this.peek(1) === '(') {
      redirect.target = this.readProcessSubstitution(this.wordContext);
      return redirect;
    }
    if (isWordEnd(this.peek())) {
      this.error(`missing target after "${operator}"`);
      return redirect;
    }
    redirect.target = this.readWord();
    if (operator === '<<' || operator === '<<-') {
      this.pending.push({ redirect, delimiter: redirect.target.value, stripTabs: operator === '<<-' });
    }
    return redirect;
  }

  protected readProcessSubstitution(context: Context): ShellWord {
    const start = this.pos;
    this.pos += 2;
    this.parseNested((p) => p.parseList({ ...context, inSubshell: true }, new Set(), ')'));
    if (this.peek() === ')') this.pos++;
    const raw = this.src.slice(start, this.pos);
    return { raw, value: raw, literal: false, quoted: false, start, end: this.pos };
  }

}
