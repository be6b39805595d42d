// `sh -c "apt-get install foo"` runs a script too: rules must see its commands. They are parsed and added
// right after the `sh` command, with positions mapped into the quoted argument.
import { baseName } from './invocation';
import { parseShell } from './shellParser';
import { ShellScript, ShellWord, SimpleCommand } from './shellSyntax';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const MAX_NESTING = 3;

export function withNestedShellScripts(script: ShellScript, nesting = 0): ShellScript {
  if (nesting >= MAX_NESTING || !script.commands.some((c) => shellCArgument(c))) return script;
  const commands: SimpleCommand[] = [];
  for (const command of script.commands) {
    commands.push(command);
    const inner = shellCArgument(command);
    if (inner) commands.push(...nestedCommands(inner, command, nesting));
  }
  return { ...script, commands };
}

function nestedCommands(inner: ShellWord, outer: SimpleCommand, nesting: number): SimpleCommand[] {
  const nested = withNestedShellScripts(parseShell(inner.value), nesting + 1);
  // Offsets map 1:1 only when the argument is one plain quoted string; otherwise point at the whole word.
  const exact = inner.raw.length === inner.value.length + 2 && /^(["']).*\1$/s.test(inner.raw) && !inner.raw.includes('\\');
  const shift = (offset: number): number => (exact ? inner.start + 1 + offset : inner.start);
  const shiftEnd = (offset: number): number => (exact ? inner.start + 1 + offset : inner.end);
  const shiftWord = (word: ShellWord): ShellWord => ({ ...word, start: shift(word.start), end: shiftEnd(word.end) });
  return nested.commands.map((c) => ({
    ...c,
    inSubshell: true,
    nested: true as const,
    conditional: c.conditional || outer.conditional,
    start: shift(c.start),
    end: shiftEnd(c.end),
    words: c.words.map(shiftWord),
    assignments: c.assignments.map(shiftWord),
  }));
}

/** The script argument of `sh -c script` (also `bash -ec`, `sh -xc`), when it has no expansions. */
function shellCArgument(command: SimpleCommand): ShellWord | undefined {
  const words = command.words;
  if (words.length < 3 || !SHELLS.has(baseName(words[0].value))) return undefined;
  for (let i = 1; i < words.length - 1; i++) {
    const value = words[i].value;
    if (!value.startsWith('-') || value.startsWith('--')) return undefined;
    if (value.includes('c')) return words[i + 1].literal ? words[i + 1] : undefined;
  }
  return undefined;
}
