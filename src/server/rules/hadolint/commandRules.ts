// What a RUN runs, per RUN (hadolint DL3001 DL3003 DL3004 DL3046 DL3047 DL4005): one finding per RUN.
import { flagValues, hasAnyFlag } from '../shell/commandModel';
import { Item, ShellInfo } from './model';
import { RuleKit } from './ruleKit';

const POINTLESS = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim']);
const WGET_QUIET = ['progress', 'q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose'];

/** DL3003 does not look at ONBUILD triggers (hadolint runs it on the file stream only). */
export function checkCommands(kit: RuleKit, item: Item, shell: ShellInfo): void {
  const commands = shell.model.commands;
  const pointless = commands.find((c) => POINTLESS.has(c.name));
  if (pointless) kit.reportCommand('DL3001', item, shell, pointless, [pointless.name]);
  const cd = commands.find((c) => c.name === 'cd');
  if (cd && !item.onbuild) kit.reportCommand('DL3003', item, shell, cd);
  const sudo = commands.find((c) => c.name === 'sudo');
  if (sudo) kit.reportCommand('DL3004', item, shell, sudo);
  const useradd = commands.find((c) => c.name === 'useradd' && !hasAnyFlag(c, ['l', 'no-log-init']) &&
    hasAnyFlag(c, ['u', 'uid']) && flagValues(c, 'u').some((v) => v.length > 5));
  if (useradd) kit.reportCommand('DL3046', item, shell, useradd);
  const wget = commands.find((c) => c.name === 'wget' && !hasAnyFlag(c, WGET_QUIET) && !c.args.includes('-nv'));
  if (wget) kit.reportCommand('DL3047', item, shell, wget);
  const ln = commands.find((c) => c.name === 'ln' && c.args.includes('/bin/sh'));
  if (ln) kit.reportCommand('DL4005', item, shell, ln);
}
