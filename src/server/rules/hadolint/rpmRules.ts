// RPM package managers: yum (DL3030 DL3032 DL3033), dnf/microdnf (DL3038 DL3040 DL3041) and zypper
// (DL3034 DL3035 DL3036 DL3037).
import { Instruction } from 'dockerfile-ast';
import { LintContext } from '../context/lintContext';
import { RunBody } from '../context/runBody';
import { hasCacheMount, insertAfterWord, invocationsIn } from '../context/runHelpers';
import { hasOption, Invocation, positionalArgs } from '../shell/invocation';

const RPM_VALUE_OPTIONS = new Set(['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo',
  '--setopt', '-x', '--exclude', '--repo', '--repofrom', '--rpmverbosity', '--downloaddir', '--destdir']);
const ZYPPER_VALUE_OPTIONS = new Set(['-r', '--repo', '-t', '--type', '-R', '--root', '--from']);
const YUM_INSTALLS = ['install', 'groupinstall', 'localinstall'];
const DNF_INSTALLS = ['install', 'groupinstall', 'localinstall'];
const ZYPPER_INSTALLS = ['install', 'in'];
const ZYPPER_INTERACTIVE = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up'];

interface ManagerRules {
  names: string[];
  yes: string;
  clean: string;
  version: string;
  cacheDir: string;
}

const YUM: ManagerRules = { names: ['yum'], yes: 'DL3030', clean: 'DL3032', version: 'DL3033', cacheDir: '/var/cache/yum' };
const DNF: ManagerRules = { names: ['dnf', 'microdnf'], yes: 'DL3038', clean: 'DL3040', version: 'DL3041', cacheDir: '/var/cache/dnf' };

export function checkRpm(context: LintContext): void {
  for (const { instruction, body } of context.runs()) {
    const invocations = invocationsIn(body);
    checkYumFamily(context, instruction, body, invocations, YUM, YUM_INSTALLS);
    checkYumFamily(context, instruction, body, invocations, DNF, DNF_INSTALLS);
    checkZypper(context, instruction, body, invocations);
  }
}

function subcommand(invocation: Invocation, valueOptions: Set<string>): { word: Invocation['args'][number]; rest: Invocation['args'] } | undefined {
  const word = positionalArgs(invocation.args, valueOptions)[0];
  if (!word) return undefined;
  return { word, rest: invocation.args.slice(invocation.args.indexOf(word) + 1) };
}

function checkYumFamily(context: LintContext, instruction: Instruction, body: RunBody, invocations: Invocation[],
  rules: ManagerRules, installs: string[]): void {
  let firstInstall: Invocation | undefined;
  let cleaned = false;
  for (const invocation of invocations) {
    if (invocation.name === 'rm' && invocation.args.some((w) => w.value.startsWith(rules.cacheDir))) cleaned = true;
    if (!rules.names.includes(invocation.name)) continue;
    const sub = subcommand(invocation, RPM_VALUE_OPTIONS);
    if (!sub) continue;
    if (sub.word.value === 'clean' && positionalArgs(sub.rest)[0]?.value === 'all') cleaned = true;
    if (!installs.includes(sub.word.value)) continue;
    firstInstall ??= invocation;
    const range = context.commandRange(body, invocation.command);
    if (invocation.name !== 'microdnf' && !hasOption(invocation.args, 'y', ['--assumeyes'])) {
      context.report(rules.yes, instruction, range, [], [{
        title: `Add -y to ${invocation.name} install`,
        edits: [insertAfterWord(context, body, sub.word, ' -y')],
        preferred: true,
      }]);
    }
    if (sub.word.value === 'install') {
      const unpinned = positionalArgs(sub.rest, RPM_VALUE_OPTIONS)
        .filter((w) => w.literal && !/-\d/.test(w.value) && !w.value.startsWith('@') && !w.value.endsWith('.rpm') &&
          !w.value.includes('/') && !w.value.includes('('))
        .map((w) => w.value);
      if (unpinned.length > 0) context.report(rules.version, instruction, range, [unpinned.join(', ')]);
    }
  }
  if (firstInstall && !cleaned && !hasCacheMount(instruction, rules.cacheDir)) {
    context.report(rules.clean, instruction, context.commandRange(body, firstInstall.command));
  }
}

function checkZypper(context: LintContext, instruction: Instruction, body: RunBody, invocations: Invocation[]): void {
  let firstInstall: Invocation | undefined;
  let cleaned = false;
  for (const invocation of invocations) {
    if (invocation.name === 'rm' && invocation.args.some((w) => w.value.startsWith('/var/cache/zypp'))) cleaned = true;
    if (invocation.name !== 'zypper') continue;
    const sub = subcommand(invocation, ZYPPER_VALUE_OPTIONS);
    if (!sub) continue;
    const range = context.commandRange(body, invocation.command);
    const verb = sub.word.value;
    if (verb === 'clean' || verb === 'cc') cleaned = true;
    if (verb === 'dist-upgrade' || verb === 'dup') context.report('DL3035', instruction, range);
    if (ZYPPER_INTERACTIVE.includes(verb) && !hasOption(invocation.args, 'ny', ['--non-interactive', '--no-confirm'])) {
      context.report('DL3034', instruction, range, [], [{
        title: 'Add -n to zypper',
        edits: [insertAfterWord(context, body, invocation.command.words[invocation.command.words.length - invocation.args.length - 1], ' -n')],
        preferred: true,
      }]);
    }
    if (!ZYPPER_INSTALLS.includes(verb)) continue;
    firstInstall ??= invocation;
    const unpinned = positionalArgs(sub.rest, ZYPPER_VALUE_OPTIONS)
      .filter((w) => w.literal && !/[=<>]/.test(w.value) && !w.value.endsWith('.rpm'))
      .map((w) => w.value);
    if (unpinned.length > 0) context.report('DL3037', instruction, range, [unpinned.join(', ')]);
  }
  if (firstInstall && !cleaned && !hasCacheMount(instruction, '/var/cache/zypp')) {
    context.report('DL3036', instruction, context.commandRange(body, firstInstall.command));
  }
}
