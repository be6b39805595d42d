// The other direction of "Copy as docker run": a pasted `docker run …` line fills the Run… form. The flags
// are the form's (dockerRunLine.ts), with the long and short names the docker CLI accepts for each; a flag
// the form has no field for is named back to the user instead of being dropped silently. Pure.
import { FLAGS } from './dockerRunLine';
import type { RunMode, RunOptions } from '../models/run/runOptions';
import { shellQuote, splitShellWords } from '../models/run/shellWords';

/** Other names the docker CLI accepts for the form's flags. */
const ALIASES: Record<string, string> = {
  '--publish': '-p', '--publish-all': '-P', '--volume': '-v', '--env': '-e', '--net': '--network',
  '-h': '--hostname', '-m': '--memory', '-w': '--workdir', '-u': '--user', '-l': '--label',
};

/** CLI flags that take a value but have no field in the form: skipped with their value, and reported. */
const VALUE_FLAGS_WITHOUT_FIELD = new Set(['--mount', '--add-host', '--dns', '--log-driver', '--log-opt', '--ulimit', '--shm-size', '--pid', '--ipc', '--gpus', '--platform', '--pull', '--stop-signal', '--cpu-shares', '--memory-swap', '--health-cmd', '--expose', '--link', '--network-alias', '--sysctl', '--init-path', '--cidfile', '--group-add', '-a', '--attach', '--runtime']);

export interface ParsedRunLine {
  readonly options: RunOptions;
  /** Flags the form cannot hold, as written ("--add-host db:10.0.0.2"). */
  readonly unsupported: readonly string[];
}

export type RunLineProblem = 'notRunLine' | 'quotes' | 'noImage';

/** `docker run [flags] IMAGE [command…]` → run options; a reason when the text is not such a line. */
export function parseDockerRunLine(line: string): ParsedRunLine | { problem: RunLineProblem } {
  const words = splitShellWords(line.replace(/\\\r?\n/g, ' ').trim());
  if (!words) return { problem: 'quotes' };
  const start = words[0] === 'docker' ? (words[1] === 'container' && words[2] === 'run' ? 3 : words[1] === 'run' ? 2 : -1) : words[0] === 'run' ? 1 : -1;
  if (start < 0) return { problem: 'notRunLine' };
  const options: Record<string, unknown> = {};
  const unsupported: string[] = [];
  let interactive = false;
  let tty = false;
  let detach = false;
  let i = start;
  for (; i < words.length; i++) {
    const word = words[i];
    if (word === '--') { i++; break; }
    if (!word.startsWith('-') || word === '-') break;
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    let flag = eq > 0 ? word.slice(0, eq) : word;
    let inline = eq > 0 ? word.slice(eq + 1) : undefined;
    // Short flags glued together (-dit) or to their value (-p8080:80).
    if (/^-[a-zA-Z]{2,}$/.test(flag) && [...flag.slice(1)].every((c) => 'ditP'.includes(c))) {
      for (const c of flag.slice(1)) {
        if (c === 'd') detach = true;
        else if (c === 'i') interactive = true;
        else if (c === 't') tty = true;
        else options.publishAll = true;
      }
      continue;
    }
    if (/^-[a-zA-Z].+/.test(flag) && !flag.startsWith('--') && inline === undefined) {
      inline = flag.slice(2);
      flag = flag.slice(0, 2);
    }
    flag = ALIASES[flag] ?? flag;
    if (flag === '-d' || flag === '--detach') { detach = true; continue; }
    if (flag === '-i' || flag === '--interactive') { interactive = true; continue; }
    if (flag === '-t' || flag === '--tty') { tty = true; continue; }
    const known = FLAGS.find(([f]) => f === flag);
    if (!known) {
      const takesValue = VALUE_FLAGS_WITHOUT_FIELD.has(flag) && inline === undefined;
      unsupported.push(takesValue && i + 1 < words.length ? `${flag} ${words[++i]}` : word);
      continue;
    }
    const [, key, kind] = known;
    if (kind === 'switch') {
      options[key] = inline === undefined ? true : inline !== 'false';
      continue;
    }
    const value = inline ?? words[++i];
    if (value === undefined) return { problem: 'noImage' };
    if (kind === 'value') options[key] = value;
    else options[key] = [...((options[key] as string[] | undefined) ?? []), value];
  }
  const image = words[i];
  if (!image) return { problem: 'noImage' };
  const command = words.slice(i + 1);
  const mode: RunMode = interactive || tty ? (detach ? 'interactiveDetached' : 'interactive') : 'detached';
  return {
    options: { ...options, image, mode, ...(command.length ? { command: command.map(shellQuote).join(' ') } : {}) } as RunOptions,
    unsupported,
  };
}
