// "Copy as docker run": the form as one `docker run` line, shell-quoted, that creates the same container.
import { capabilityName, engineCapability } from '../models/run/capabilities';
import type { RunOptions } from '../models/run/runOptions';
import { shellQuote, splitShellWords } from '../models/run/shellWords';

type Flag = readonly [flag: string, key: keyof RunOptions, kind: 'value' | 'list' | 'switch' | 'capabilities'];

/** Every option as its docker CLI flag, in the order people usually write them. */
export const FLAGS: readonly Flag[] = [
  ['--rm', 'remove', 'switch'],
  ['--name', 'name', 'value'],
  ['--restart', 'restart', 'value'],
  ['--hostname', 'hostname', 'value'],
  ['--network', 'network', 'value'],
  ['--ip', 'ip', 'value'],
  ['-p', 'ports', 'list'],
  ['-P', 'publishAll', 'switch'],
  ['-v', 'volumes', 'list'],
  ['--tmpfs', 'tmpfs', 'list'],
  ['-e', 'env', 'list'],
  // Secret variables as bare `-e NAME`: the docker CLI takes the value from the shell, so the line holds none.
  // A pasted `-e NAME` is read back into env, the flag listed first.
  ['-e', 'secretEnv', 'list'],
  ['--env-file', 'envFiles', 'list'],
  ['--cap-add', 'capAdd', 'capabilities'],
  ['--cap-drop', 'capDrop', 'capabilities'],
  ['--privileged', 'privileged', 'switch'],
  ['--security-opt', 'securityOpt', 'list'],
  ['--cpus', 'cpus', 'value'],
  ['--memory', 'memory', 'value'],
  ['--device', 'devices', 'list'],
  ['--entrypoint', 'entrypoint', 'value'],
  ['--workdir', 'workdir', 'value'],
  ['--user', 'user', 'value'],
  ['--label', 'labels', 'list'],
];

export const MODE_FLAGS = { detached: '-d', interactive: '-it', interactiveDetached: '-itd' } as const;

/** The argv after `docker`. */
export function dockerRunArguments(o: RunOptions): string[] {
  const args = ['run', MODE_FLAGS[o.mode ?? 'detached']];
  for (const [flag, key, kind] of FLAGS) {
    const value = o[key];
    if (kind === 'switch') {
      if (value === true) args.push(flag);
    } else if (kind === 'value') {
      if (typeof value === 'string' && value.trim()) args.push(flag, value.trim());
    } else {
      const entries = (Array.isArray(value) ? (value as string[]) : []).map((v) => v.trim()).filter(Boolean);
      for (const entry of entries) args.push(flag, kind === 'capabilities' ? engineCapability(capabilityName(entry) ?? entry) : entry);
    }
  }
  args.push(o.image.trim());
  if (o.command?.trim()) args.push(...(splitShellWords(o.command) ?? [o.command]));
  return args;
}

/** The whole line, ready to paste into a POSIX shell. */
export function dockerRunLine(o: RunOptions): string {
  return ['docker', ...dockerRunArguments(o)].map(shellQuote).join(' ');
}
