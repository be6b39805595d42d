// Debian/Ubuntu package rules: DL3008 DL3009 DL3014 DL3015 DL3027.
import { Instruction } from 'dockerfile-ast';
import { LintContext } from '../context/lintContext';
import { heredocsOf, RunBody } from '../context/runBody';
import { cacheMountTargets, insertAfterWord, invocationsIn } from '../context/runHelpers';
import { hasOption, Invocation, positionalArgs } from '../shell/invocation';

const APT_VALUE_OPTIONS = new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']);

interface AptInstall {
  invocation: Invocation;
  /** Words after `install`. */
  rest: Invocation['args'];
  installWord: Invocation['args'][number];
}

function aptGetInstalls(body: RunBody): AptInstall[] {
  const result: AptInstall[] = [];
  for (const invocation of invocationsIn(body)) {
    if (invocation.name !== 'apt-get') continue;
    const positional = positionalArgs(invocation.args, APT_VALUE_OPTIONS);
    const installWord = positional[0];
    if (!installWord || installWord.value !== 'install') continue;
    result.push({ invocation, installWord, rest: invocation.args.slice(invocation.args.indexOf(installWord) + 1) });
  }
  return result;
}

export function checkApt(context: LintContext): void {
  const lastStage = context.stages[context.stages.length - 1];
  for (const { instruction, body } of context.runs()) {
    for (const invocation of invocationsIn(body)) {
      if (invocation.name === 'apt' && invocation.args.length > 0) {
        context.report('DL3027', instruction, context.commandRange(body, invocation.command));
      }
    }
    const installs = aptGetInstalls(body);
    for (const install of installs) checkInstall(context, instruction, body, install);
    const inFinalStage = context.stageOf(instruction) === lastStage;
    if (installs.length > 0 && inFinalStage) checkListsRemoved(context, instruction, body);
  }
}

function checkInstall(context: LintContext, instruction: Instruction, body: RunBody, install: AptInstall): void {
  const { invocation, installWord } = install;
  const range = context.commandRange(body, invocation.command);
  const args = invocation.args;
  const assumeYes = hasOption(args, 'y', ['--yes', '--assume-yes']) ||
    args.some((w) => /^-q{2,}$/.test(w.value) || w.value === '-q=2' || w.value === '--quiet=2') ||
    args.some((w, i) => w.value === '-o' && /^APT::Get::Assume-Yes=(true|1|yes)$/i.test(args[i + 1]?.value ?? ''));
  if (!assumeYes) {
    context.report('DL3014', instruction, range, [], [{
      title: 'Add -y to apt-get install',
      edits: [insertAfterWord(context, body, installWord, ' -y')],
      preferred: true,
    }]);
  }
  const noRecommends = hasOption(args, '', ['--no-install-recommends']) ||
    args.some((w, i) => w.value === '-o' && /^APT::Install-Recommends=(false|0|no)$/i.test(args[i + 1]?.value ?? ''));
  if (!noRecommends) {
    context.report('DL3015', instruction, range, [], [{
      title: 'Add --no-install-recommends to apt-get install',
      edits: [insertAfterWord(context, body, installWord, ' --no-install-recommends')],
    }]);
  }
  const unpinned = positionalArgs(install.rest, APT_VALUE_OPTIONS)
    .filter((w) => w.literal && !w.value.includes('=') && !w.value.includes('/') && !w.value.endsWith('.deb'))
    .map((w) => w.value);
  if (unpinned.length > 0) context.report('DL3008', instruction, range, [unpinned.join(', ')]);
}

function checkListsRemoved(context: LintContext, instruction: Instruction, body: RunBody): void {
  if (cacheMountTargets(instruction).some((t) => t.startsWith('/var/lib/apt'))) return;
  const cleaned = invocationsIn(body).some((inv) =>
    (inv.name === 'rm' && inv.args.some((w) => w.value.startsWith('/var/lib/apt/lists'))) ||
    (inv.name === 'find' && inv.args.some((w) => w.value.startsWith('/var/lib/apt/lists'))));
  if (cleaned) return;
  const end = instruction.getRange().end;
  const text = body.script.text.trimEnd();
  const hasHeredoc = heredocsOf(instruction).length > 0;
  const appendable = text !== '' && !hasHeredoc && !/[;&|\\]$/.test(text) && body.script.errors.length === 0;
  const fixes = appendable
    ? [{ title: 'Remove /var/lib/apt/lists/* at the end of this RUN',
      edits: [{ range: { start: end, end }, newText: ' \\\n    && rm -rf /var/lib/apt/lists/*' }] }]
    : undefined;
  context.report('DL3009', instruction, instruction.getInstructionRange(), [], fixes);
}
