// yum, dnf/microdnf and zypper, per RUN (hadolint DL3030 DL3032 DL3033 DL3034 DL3035 DL3036 DL3037 DL3038
// DL3040 DL3041): one finding per RUN. DL3033/DL3041 need the ENV and ARG names in scope.
import { hasAnyFlag, isCmd, ModelCommand } from '../shell/commandModel';
import { hasCacheMountContaining, Item, ShellInfo } from './model';
import { RuleKit } from './ruleKit';

export interface VariablesInScope {
  /** ENV names of the current stage (inherited as hadolint does for DL3033/DL3041). */
  env: ReadonlySet<string>;
  /** Every ARG name seen so far in the file. */
  args: ReadonlySet<string>;
}

const RPM_VERSION_PART = /^[0-9A-Za-z.~^_:+]+$/;

/** DL3033/DL3041: a package is pinned when written `name-version` (or an .rpm, or a known variable). */
function rpmPinned(pkg: string, scope: VariablesInScope): boolean {
  const parts = pkg.split('-');
  if (parts.length < 2) return false;
  if (pkg.endsWith('.rpm')) return true;
  if (pkg.includes('$')) return [...scope.env, ...scope.args].some((name) => pkg.includes('${' + name + '}'));
  const rest = parts.slice(1);
  return rest.every((p) => RPM_VERSION_PART.test(p)) && rest.some((p) => /^[0-9]/.test(p));
}

function unpinnedRpm(commands: ModelCommand[], names: string[], excluded: string[], scope: VariablesInScope): [ModelCommand, string[]] | undefined {
  for (const command of commands) {
    if (!names.includes(command.name) || !command.args.includes('install')) continue;
    const isModule = command.args.includes('module');
    if (!isModule && excluded.some((e) => command.args.includes(e))) continue;
    const words = command.nonFlags.filter((a) => a !== 'install' && a !== 'module');
    const bad = isModule ? words.filter((w) => !w.includes(':')) : words.filter((w) => !rpmPinned(w, scope));
    if (bad.length > 0) return [command, bad];
  }
  return undefined;
}

/** DL3032/DL3040/DL3036: the first install comes before the first clean (or there is none). */
function cleanMissing(commands: ModelCommand[], isInstall: (c: ModelCommand) => boolean, isClean: (c: ModelCommand) => boolean): ModelCommand | undefined {
  const install = commands.findIndex(isInstall);
  if (install < 0) return undefined;
  const clean = commands.findIndex(isClean);
  return clean < 0 || clean <= install ? commands[install] : undefined;
}

const rmWith = (path: string) => (c: ModelCommand): boolean => isCmd(c, 'rm', ['-rf', path]);

export function checkRpm(kit: RuleKit, item: Item, shell: ShellInfo, scope: VariablesInScope): void {
  const commands = shell.model.commands;
  const yumNoYes = commands.find((c) => isCmd(c, 'yum', ['install', 'groupinstall', 'localinstall']) && !hasAnyFlag(c, ['y', 'assumeyes']));
  if (yumNoYes) kit.reportCommand('DL3030', item, shell, yumNoYes);
  const yumDirty = cleanMissing(commands, (c) => isCmd(c, 'yum', ['install']),
    (c) => isCmd(c, 'yum', ['clean', 'all']) || rmWith('/var/cache/yum/*')(c));
  if (yumDirty) kit.reportCommand('DL3032', item, shell, yumDirty);
  const yumUnpinned = unpinnedRpm(commands, ['yum'], [], scope);
  if (yumUnpinned) kit.reportCommand('DL3033', item, shell, yumUnpinned[0], [yumUnpinned[1].join(', ')]);

  const zypperNoYes = commands.find((c) => isCmd(c, 'zypper', ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch']) &&
    !hasAnyFlag(c, ['non-interactive', 'n', 'no-confirm', 'y']));
  if (zypperNoYes) kit.reportCommand('DL3034', item, shell, zypperNoYes);
  const dup = commands.find((c) => isCmd(c, 'zypper', ['dist-upgrade', 'dup']));
  if (dup) kit.reportCommand('DL3035', item, shell, dup);
  const zypperDirty = cleanMissing(commands, (c) => isCmd(c, 'zypper', ['install', 'in']), (c) => isCmd(c, 'zypper', ['clean', 'cc']));
  if (zypperDirty && !hasCacheMountContaining(item.instruction, '/var/cache/zypp')) kit.reportCommand('DL3036', item, shell, zypperDirty);
  for (const command of commands) {
    if (!isCmd(command, 'zypper', ['install', 'in'])) continue;
    const bad = command.nonFlags.filter((p) => p !== 'install' && p !== 'in' && !/[=><]/.test(p) && !p.endsWith('.rpm'));
    if (bad.length > 0) {
      kit.reportCommand('DL3037', item, shell, command, [bad.join(', ')]);
      break;
    }
  }

  const dnfNoYes = commands.find((c) => (c.name === 'dnf' || c.name === 'microdnf') &&
    c.args.some((a) => a === 'install' || a === 'groupinstall' || a === 'localinstall') && !hasAnyFlag(c, ['y', 'assumeyes']));
  if (dnfNoYes) kit.reportCommand('DL3038', item, shell, dnfNoYes);
  const exempt = hasCacheMountContaining(item.instruction, '/var/cache/libdnf5') || hasCacheMountContaining(item.instruction, '.cache/libdnf5');
  if (!exempt) {
    for (const name of ['dnf', 'microdnf']) {
      const dirty = cleanMissing(commands,
        (c) => isCmd(c, name, ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei']),
        (c) => isCmd(c, name, ['clean', 'all']) || rmWith('/var/cache/libdnf5*')(c));
      if (dirty) {
        kit.reportCommand('DL3040', item, shell, dirty);
        break;
      }
    }
  }
  const dnfUnpinned = unpinnedRpm(commands, ['dnf', 'microdnf'], ['group'], scope);
  if (dnfUnpinned) kit.reportCommand('DL3041', item, shell, dnfUnpinned[0], [dnfUnpinned[1].join(', ')]);
}

