// hadolint's view of a shell script (its Shell.hs), built from our parse: every simple command with a
// literal name, its arguments rendered the way hadolint renders them (quotes gone, `$X` → `${X}`), the
// flags derived from them, and whether the script has a pipe. Rules that claim hadolint's semantics ask
// only these questions, so they agree with hadolint on what a command is.
import { ShellScript, ShellWord, SimpleCommand } from './shellSyntax';

export interface ModelCommand {
  /** The program name as written (`/usr/bin/apt-get` is not `apt-get`), after busybox/command/exec. */
  name: string;
  /** Every word after the first one (for wrappers, the wrapped program's name comes first). */
  args: string[];
  /** Flags: `--name[=v]` gives `name`, `-abc` gives `a`, `b`, `c`. */
  flags: string[];
  /** Arguments that gave no flag (`-` and `--` included). */
  nonFlags: string[];
  source: SimpleCommand;
}

export interface CommandModel {
  commands: ModelCommand[];
  hasPipes: boolean;
}

const EMPTY: CommandModel = { commands: [], hasPipes: false };
const WRAPPERS = new Set(['busybox', 'builtin', 'command', 'run']);

/** The model of a parsed script; a script with a syntax error has no commands, as in hadolint. */
export function commandModel(script: ShellScript | undefined): CommandModel {
  if (!script || script.errors.length > 0) return EMPTY;
  const commands: ModelCommand[] = [];
  for (const command of script.commands) {
    if (command.nested) continue;
    const modelled = modelCommand(command);
    if (modelled) commands.push(modelled);
  }
  return { commands, hasPipes: script.commands.some((c) => !c.nested && c.pipelineLength > 1) };
}

function modelCommand(command: SimpleCommand): ModelCommand | undefined {
  const words = command.words;
  if (words.length === 0 || !isLiteralName(words[0])) return undefined;
  let name = words[0].value;
  if (WRAPPERS.has(name) && words.length > 1 && !unquotedDash(words[1])) {
    if (!isLiteralName(words[1])) return undefined;
    name = words[1].value;
  } else if (name === 'exec') {
    let i = 1;
    while (i < words.length && /^-[cla]+$/.test(words[i].raw)) i += words[i].raw.includes('a') ? 2 : 1;
    if (i < words.length) {
      if (!isLiteralName(words[i])) return undefined;
      name = words[i].value;
    }
  }
  const args = words.slice(1).map(renderWord);
  const flags: string[] = [];
  const nonFlags: string[] = [];
  for (const arg of args) {
    const own = flagsOf(arg);
    if (own.length === 0) nonFlags.push(arg);
    else flags.push(...own);
  }
  return { name, args, flags, nonFlags, source: command };
}

function isLiteralName(word: ShellWord): boolean {
  return word.literal && !/[*?[]/.test(word.raw.replace(/'[^']*'|"[^"]*"/g, ''));
}

function unquotedDash(word: ShellWord): boolean {
  return word.raw.startsWith('-');
}

export function flagsOf(arg: string): string[] {
  if (arg === '-' || arg === '--' || !arg.startsWith('-')) return [];
  if (arg.startsWith('--')) return [arg.slice(2).split('=')[0]];
  return [...arg.slice(1)];
}

/** hadolint's rendering of a word: quotes removed; expansions become `${...}`. */
export function renderWord(word: ShellWord): string {
  if (word.literal) return word.value;
  let out = '';
  const value = word.value;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '`') {
      const close = value.indexOf('`', i + 1);
      out += '${VAR}';
      i = close < 0 ? value.length : close;
    } else if (c === '$' && value[i + 1] === '{') {
      const close = matching(value, i + 1, '{', '}');
      out += value.slice(i, close + 1);
      i = close;
    } else if (c === '$' && value[i + 1] === '(' && value[i + 2] === '(') {
      const close = matching(value, i + 1, '(', ')');
      out += '${VAR}';
      i = close;
    } else if (c === '$' && value[i + 1] === '(') {
      const close = matching(value, i + 1, '(', ')');
      out += '${' + value.slice(i + 2, close).replace(/[\s"']+/g, '') + '}';
      i = close;
    } else if (c === '$' && /[A-Za-z_]/.test(value[i + 1] ?? '')) {
      let j = i + 1;
      while (j < value.length && /[A-Za-z0-9_]/.test(value[j])) j++;
      out += '${' + value.slice(i + 1, j) + '}';
      i = j - 1;
    } else if (c === '$' && /[0-9@*#?$!-]/.test(value[i + 1] ?? '')) {
      out += '${' + value[i + 1] + '}';
      i++;
    } else out += c;
  }
  return out;
}

function matching(text: string, open: number, openChar: string, closeChar: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === openChar) depth++;
    else if (text[i] === closeChar && --depth === 0) return i;
  }
  return text.length - 1;
}

// The predicates hadolint's rules are written with (all exact, case-sensitive).

/** `cmd(name, W)`: the name matches and at least one argument is one of `words`. */
export function isCmd(command: ModelCommand, name: string, words: readonly string[]): boolean {
  return command.name === name && command.args.some((a) => words.includes(a));
}

export function hasFlag(command: ModelCommand, flag: string): boolean {
  return command.flags.includes(flag);
}

export function hasAnyFlag(command: ModelCommand, flags: readonly string[]): boolean {
  return command.flags.some((f) => flags.includes(f));
}

export function countFlag(command: ModelCommand, flag: string): number {
  return command.flags.filter((f) => f === flag).length;
}

/** Arguments with the value after each listed flag (written without `=`) removed. */
export function dropFlagValue(args: readonly string[], flags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    out.push(args[i]);
    if (!args[i].includes('=') && flagsOf(args[i]).some((f) => flags.includes(f))) i++;
  }
  return out;
}

/** The non-flag arguments of a list of arguments. */
export function nonFlagArgs(args: readonly string[]): string[] {
  return args.filter((a) => flagsOf(a).length === 0);
}

/** `flagValue(f)`: for each occurrence of flag `f`, the argument after it. */
export function flagValues(command: ModelCommand, flag: string): string[] {
  const values: string[] = [];
  command.args.forEach((arg, i) => {
    if (flagsOf(arg).includes(flag) && i + 1 < command.args.length) values.push(command.args[i + 1]);
  });
  return values;
}

export function firstIndex(model: CommandModel, predicate: (c: ModelCommand) => boolean): number {
  return model.commands.findIndex(predicate);
}

export function uses(model: CommandModel, name: string): boolean {
  return model.commands.some((c) => c.name === name);
}

export function isPipInstall(command: ModelCommand): boolean {
  const { name, args } = command;
  if (name.startsWith('pip') && !name.startsWith('pipenv') && args.includes('install')) return true;
  if (!name.startsWith('python')) return false;
  for (let i = 0; i + 2 < args.length; i++) {
    if (args[i] === '-m' && args[i + 1] === 'pip' && args[i + 2] === 'install') return true;
  }
  return false;
}
