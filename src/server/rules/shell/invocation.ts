// Reading a simple command the way a package-manager rule needs it: the real program behind wrappers such
// as `sudo` or `env`, its options (bundled short flags included) and its positional arguments.
import { ShellWord, SimpleCommand } from './shellSyntax';

export interface Invocation {
  /** Program name without its directory: `/usr/bin/pip3` is `pip3`. */
  name: string;
  /** The words after the program name. */
  args: ShellWord[];
  command: SimpleCommand;
}

/** Wrappers that run the command given after their own options. */
const WRAPPERS: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-h', '-p', '-r', '-t', '-U', '--user', '--group']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir']),
  nice: new Set(['-n', '--adjustment']),
  nohup: new Set(),
  time: new Set(['-f', '-o']),
  command: new Set(),
  exec: new Set(['-a']),
  eatmydata: new Set(),
  xargs: new Set(['-I', '-n', '-P', '-d', '-a', '-E', '-L', '-s']),
};

export function baseName(value: string): string {
  const slash = value.lastIndexOf('/');
  return slash >= 0 ? value.slice(slash + 1) : value;
}

export function invocationOf(command: SimpleCommand): Invocation | undefined {
  const words = command.words;
  let i = 0;
  while (i < words.length) {
    const name = baseName(words[i].value);
    const valueOptions = WRAPPERS[name];
    if (!valueOptions || i === words.length - 1) break;
    // `command -v curl` asks whether curl exists; it does not run it.
    if (name === 'command' && /^-[vV]$/.test(words[i + 1].value)) break;
    i++;
    while (i < words.length) {
      const value = words[i].value;
      if (value === '--') {
        i++;
        break;
      }
      if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) i++;
      else if (value.startsWith('-')) i += valueOptions.has(value) ? 2 : 1;
      else if (name === 'nice' && /^\d+$/.test(value)) i++;
      else break;
    }
  }
  if (i >= words.length) return undefined;
  return { name: baseName(words[i].value), args: words.slice(i + 1), command };
}

/**
 * True when one of the options is given: `short` letters match alone or bundled (`-qy`), `long` names
 * match alone or with a value (`--yes`, `--assume-yes=true`). Stops at `--`.
 */
export function hasOption(args: ShellWord[], short: string, long: string[]): boolean {
  for (const word of args) {
    const value = word.value;
    if (value === '--') return false;
    if (value.startsWith('--')) {
      const name = value.split('=')[0];
      if (long.includes(name)) return true;
    } else if (value.startsWith('-') && value.length > 1 && short !== '') {
      const letters = value.slice(1);
      if (/^[A-Za-z]+$/.test(letters) && [...short].some((c) => letters.includes(c))) return true;
    }
  }
  return false;
}

/** Arguments that are not options, skipping the values of options listed in `valueOptions`. */
export function positionalArgs(args: ShellWord[], valueOptions: ReadonlySet<string> = new Set()): ShellWord[] {
  const result: ShellWord[] = [];
  let afterDashes = false;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (afterDashes) result.push(args[i]);
    else if (value === '--') afterDashes = true;
    else if (value.startsWith('-') && value.length > 1) {
      if (valueOptions.has(value)) i++;
    } else result.push(args[i]);
  }
  return result;
}
