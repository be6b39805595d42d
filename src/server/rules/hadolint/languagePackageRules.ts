// Language and Alpine package managers: DL3013 DL3016 DL3018 DL3019 DL3028 DL3042 DL3060 DL3062.
import { Instruction } from 'dockerfile-ast';
import { LintContext } from '../context/lintContext';
import { RunBody } from '../context/runBody';
import { hasCacheMount, insertAfterWord, invocationsIn } from '../context/runHelpers';
import { hasOption, Invocation, positionalArgs } from '../shell/invocation';
import { ShellWord } from '../shell/shellSyntax';

const APK_VALUE_OPTIONS = new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir']);
const PIP_VALUE_OPTIONS = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url',
  '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--platform', '--python-version',
  '--implementation', '--abi', '--trusted-host', '--src', '--upgrade-strategy', '--progress-bar', '--cache-dir',
  '--log', '--proxy', '--timeout', '--retries', '--exists-action', '--cert', '--client-cert', '--global-option',
  '--install-option', '--config-settings', '-C', '--only-binary', '--no-binary', '--report']);
const NPM_VALUE_OPTIONS = new Set(['--prefix', '--registry', '--cache', '--tag', '-w', '--workspace', '--omit', '--include']);
const GEM_VALUE_OPTIONS = new Set(['-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform']);

export function checkLanguagePackages(context: LintContext): void {
  for (const { instruction, body } of context.runs()) {
    let yarnInstall: Invocation | undefined;
    let yarnCleaned = false;
    for (const invocation of invocationsIn(body)) {
      const { name, args } = invocation;
      if (name === 'apk') checkApk(context, instruction, body, invocation);
      else if (/^pip[0-9.]*$/.test(name)) checkPip(context, instruction, body, invocation, args);
      else if (/^python[0-9.]*$/.test(name) && args[0]?.value === '-m' && /^pip[0-9.]*$/.test(args[1]?.value ?? '')) {
        checkPip(context, instruction, body, invocation, args.slice(2));
      } else if (name === 'npm') checkNpm(context, instruction, body, invocation);
      else if (name === 'gem') checkGem(context, instruction, body, invocation);
      else if (name === 'go') checkGo(context, instruction, body, invocation);
      else if (name === 'yarn') {
        const sub = positionalArgs(args)[0]?.value;
        if (sub === 'install' || sub === undefined) yarnInstall ??= invocation;
        if (sub === 'cache' && positionalArgs(args)[1]?.value === 'clean') yarnCleaned = true;
      }
    }
    const yarnCached = hasCacheMount(instruction, '/usr/local/share/.cache/yarn') || hasCacheMount(instruction, '/root/.cache/yarn');
    if (yarnInstall && !yarnCleaned && !yarnCached) {
      context.report('DL3060', instruction, context.commandRange(body, yarnInstall.command));
    }
  }
}

/** Words after the subcommand when it is one of `names`, plus the subcommand word itself. */
function afterSubcommand(args: ShellWord[], names: string[], valueOptions?: Set<string>): [ShellWord, ShellWord[]] | undefined {
  const sub = positionalArgs(args, valueOptions)[0];
  if (!sub || !names.includes(sub.value)) return undefined;
  return [sub, args.slice(args.indexOf(sub) + 1)];
}

function checkApk(context: LintContext, instruction: Instruction, body: RunBody, invocation: Invocation): void {
  const found = afterSubcommand(invocation.args, ['add'], APK_VALUE_OPTIONS);
  if (!found) return;
  const [addWord, rest] = found;
  const range = context.commandRange(body, invocation.command);
  const unpinned = positionalArgs(rest, APK_VALUE_OPTIONS)
    .filter((w) => w.literal && !/[=~<>]/.test(w.value) && !w.value.endsWith('.apk'))
    .map((w) => w.value);
  if (unpinned.length > 0) context.report('DL3018', instruction, range, [unpinned.join(', ')]);
  if (!hasOption(invocation.args, '', ['--no-cache']) && !hasCacheMount(instruction, '/var/cache/apk')) {
    context.report('DL3019', instruction, range, [], [{
      title: 'Add --no-cache to apk add',
      edits: [insertAfterWord(context, body, addWord, ' --no-cache')],
      preferred: true,
    }]);
  }
}

function pipPinned(value: string): boolean {
  return /(==|>=|<=|~=|!=|===|<|>|@)/.test(value) || value.startsWith('.') || value.startsWith('/') ||
    /\.(whl|tar\.gz|zip|tgz)$/.test(value) || value.includes('://');
}

function checkPip(context: LintContext, instruction: Instruction, body: RunBody, invocation: Invocation, args: ShellWord[]): void {
  const found = afterSubcommand(args, ['install'], PIP_VALUE_OPTIONS);
  if (!found) return;
  const [installWord, rest] = found;
  const range = context.commandRange(body, invocation.command);
  const unpinned = positionalArgs(rest, PIP_VALUE_OPTIONS).filter((w) => w.literal && !pipPinned(w.value)).map((w) => w.value);
  if (unpinned.length > 0) context.report('DL3013', instruction, range, [unpinned.join(', ')]);
  const cacheOff = hasOption(args, '', ['--no-cache-dir']) || hasCacheMount(instruction, '/root/.cache/pip') ||
    stageSetsEnv(context, instruction, 'PIP_NO_CACHE_DIR') ||
    invocation.command.assignments.some((w) => w.value.startsWith('PIP_NO_CACHE_DIR='));
  if (!cacheOff) {
    context.report('DL3042', instruction, range, [], [{
      title: 'Add --no-cache-dir to pip install',
      edits: [insertAfterWord(context, body, installWord, ' --no-cache-dir')],
      preferred: true,
    }]);
  }
}

/** True when an ENV or ARG of the instruction's stage, before it, sets `name`. */
function stageSetsEnv(context: LintContext, instruction: Instruction, name: string): boolean {
  const stage = context.stageOf(instruction);
  if (!stage) return false;
  for (const other of stage.instructions) {
    if (other === instruction) return false;
    const keyword = other.getKeyword();
    if ((keyword === 'ENV' || keyword === 'ARG') && other.getArguments().some((a) => a.getValue().split('=')[0] === name)) {
      return true;
    }
  }
  return false;
}

function checkNpm(context: LintContext, instruction: Instruction, body: RunBody, invocation: Invocation): void {
  const found = afterSubcommand(invocation.args, ['install', 'i', 'add', 'isntall', 'in'], NPM_VALUE_OPTIONS);
  if (!found) return;
  const unpinned = positionalArgs(found[1], NPM_VALUE_OPTIONS).filter((w) => {
    const value = w.value;
    if (!w.literal || value.startsWith('.') || value.startsWith('/') || value.includes('://') || value.includes(':') ||
      /\.(tgz|tar\.gz)$/.test(value)) return false;
    const at = value.lastIndexOf('@');
    return at <= 0;
  }).map((w) => w.value);
  if (unpinned.length > 0) {
    context.report('DL3016', instruction, context.commandRange(body, invocation.command), [unpinned.join(', ')]);
  }
}

function checkGem(context: LintContext, instruction: Instruction, body: RunBody, invocation: Invocation): void {
  const found = afterSubcommand(invocation.args, ['install', 'i'], GEM_VALUE_OPTIONS);
  if (!found) return;
  if (hasOption(found[1], 'v', ['--version'])) return;
  const unpinned = positionalArgs(found[1], new Set([...GEM_VALUE_OPTIONS, '-v', '--version']))
    .filter((w) => w.literal && !w.value.includes(':') && !w.value.endsWith('.gem'))
    .map((w) => w.value);
  if (unpinned.length > 0) {
    context.report('DL3028', instruction, context.commandRange(body, invocation.command), [unpinned.join(', ')]);
  }
}

function checkGo(context: LintContext, instruction: Instruction, body: RunBody, invocation: Invocation): void {
  const found = afterSubcommand(invocation.args, ['install', 'get', 'run'], new Set(['-C', '-o', '-tags', '-ldflags', '-gcflags', '-mod', '-p']));
  if (!found) return;
  const unpinned = positionalArgs(found[1], new Set(['-C', '-o', '-tags', '-ldflags', '-gcflags', '-mod', '-p']))
    .filter((w) => w.literal && !w.value.startsWith('.') && !w.value.startsWith('/') && !w.value.includes('@') &&
      w.value.includes('/') && !w.value.endsWith('.go'))
    .map((w) => w.value);
  if (unpinned.length > 0) {
    context.report('DL3062', instruction, context.commandRange(body, invocation.command), [unpinned.join(', ')]);
  }
}
