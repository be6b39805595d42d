// pip, npm, gem and go, per RUN (hadolint DL3013 DL3016 DL3028 DL3062): one finding per RUN.
import { dropFlagValue, hasAnyFlag, isCmd, isPipInstall, ModelCommand, nonFlagArgs } from '../shell/commandModel';
import { Item, ShellInfo } from './model';
import { RuleKit } from './ruleKit';

const PIP_VALUE_FLAGS = ['abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url',
  'implementation', 'no-binary', 'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python',
  'python-version', 'root', 'root-user-action', 'src', 't', 'target', 'trusted-host', 'upgrade-strategy'];
const VERSION_OPERATORS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const VCS = ['git+file', 'git+https', 'git+ssh', 'git+http', 'git+git', 'git', 'hg+file', 'hg+http', 'hg+https',
  'hg+ssh', 'hg+static-http', 'svn', 'svn+svn', 'svn+http', 'svn+https', 'svn+ssh', 'bzr+http', 'bzr+https', 'bzr+ssh',
  'bzr+sftp', 'bzr+ftp', 'bzr+lp'];

function pipPinned(pkg: string): boolean {
  if (VERSION_OPERATORS.some((op) => pkg.includes(op))) return true;
  const vcs = VCS.some((scheme) => pkg.startsWith(scheme));
  if (vcs) return pkg.includes('@');
  return pkg.endsWith('.whl') || pkg.endsWith('.tar.gz') || pkg.includes('/');
}

/** The unpinned packages of a pip install, or [] when the command passes. */
export function pipUnpinned(command: ModelCommand): string[] {
  if (!isPipInstall(command) || hasAnyFlag(command, ['constraint', 'c'])) return [];
  if (command.args.some((a) => a === '--requirement' || a === '-r' || a === '.')) return [];
  const args = nonFlagArgs(dropFlagValue(command.args, PIP_VALUE_FLAGS));
  const install = args.indexOf('install');
  let rest = install < 0 ? [] : args.slice(install);
  while (rest[0] === 'install') rest = rest.slice(1);
  return rest.filter((p) => !pipPinned(p));
}

function npmPinned(pkg: string): boolean {
  if (/^git(\+ssh|\+http|\+https)?:\/\//.test(pkg)) return pkg.includes('#');
  if (/\.(tar|tar\.gz|tgz)$/.test(pkg)) return true;
  if (/^(\/|\.\/|\.\.\/|~\/)/.test(pkg)) return true;
  let rest = pkg;
  if (rest.startsWith('@')) {
    let i = 1;
    while (i < rest.length && rest.charCodeAt(i) > '/'.charCodeAt(0)) i++;
    rest = rest.slice(i);
  }
  return rest.includes('@');
}

function npmUnpinned(command: ModelCommand): string[] {
  if (!isCmd(command, 'npm', ['install'])) return [];
  const args = nonFlagArgs(dropFlagValue(command.args, ['loglevel', 'registry']));
  if (args[0] !== 'install') return [];
  let rest = args;
  while (rest[0] === 'install') rest = rest.slice(1);
  return rest.filter((p) => !npmPinned(p));
}

function gemUnpinned(command: ModelCommand): string[] {
  if (!isCmd(command, 'gem', ['install', 'i'])) return [];
  if (command.args.some((a) => a === '-v' || a === '--version' || a.startsWith('--version='))) return [];
  const end = command.args.indexOf('--');
  const args = end < 0 ? command.args : command.args.slice(0, end);
  const gems: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('-')) i++;
    else if (args[i] !== 'install' && args[i] !== 'i') gems.push(args[i]);
  }
  return gems.filter((g) => !g.includes(':'));
}

function goPinned(pkg: string): boolean {
  return pkg === '.' || pkg.startsWith('/') || pkg.startsWith('.') ||
    (pkg.includes('@') && !pkg.endsWith('@latest') && !pkg.endsWith('@none'));
}

function goPackages(commands: ModelCommand[]): Array<[ModelCommand, string[]]> {
  const runs = commands.filter((c) => isCmd(c, 'go', ['run']));
  if (runs.length > 0) {
    return runs.map((c) => [c, c.nonFlags.slice(0, 2).filter((a) => a !== 'run')]);
  }
  return commands.filter((c) => isCmd(c, 'go', ['install', 'get']))
    .map((c) => [c, c.nonFlags.filter((a) => a !== 'install' && a !== 'get' && a !== 'tool')]);
}

export function checkLanguagePackages(kit: RuleKit, item: Item, shell: ShellInfo): void {
  const commands = shell.model.commands;
  firstWith(kit, item, shell, 'DL3013', commands, pipUnpinned);
  firstWith(kit, item, shell, 'DL3016', commands, npmUnpinned);
  firstWith(kit, item, shell, 'DL3028', commands, gemUnpinned);
  const go = goPackages(commands).find(([, packages]) => packages.some((p) => !goPinned(p)));
  if (go) kit.reportCommand('DL3062', item, shell, go[0], [go[1].filter((p) => !goPinned(p)).join(', ')]);
}

function firstWith(kit: RuleKit, item: Item, shell: ShellInfo, id: string, commands: ModelCommand[],
  unpinned: (c: ModelCommand) => string[]): void {
  for (const command of commands) {
    const packages = unpinned(command);
    if (packages.length > 0) {
      kit.reportCommand(id, item, shell, command, [packages.join(', ')]);
      return;
    }
  }
}

