// Rules about what RUN bodies do: DL3001 DL3003 DL3004 DL3046 DL3047 DL4001 DL4005 DL4006 DL3059.
import { Instruction } from 'dockerfile-ast';
import { LintContext, Stage } from '../context/lintContext';
import { RunBody } from '../context/runBody';
import { invocationsIn } from '../context/runHelpers';
import { hasOption, Invocation, positionalArgs } from '../shell/invocation';

const POINTLESS_IN_CONTAINER = new Set(['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig']);

export function checkShellCommands(context: LintContext): void {
  for (const { instruction, body } of context.runs()) {
    for (const invocation of invocationsIn(body)) {
      const { name, args, command } = invocation;
      const range = context.commandRange(body, command);
      if (POINTLESS_IN_CONTAINER.has(name)) context.report('DL3001', instruction, range, [name]);
      if (name === 'cd' && cdNeedsWorkdir(body, invocation)) context.report('DL3003', instruction, range);
      if (command.words.some((w) => w.value === 'sudo' && command.words.indexOf(w) === 0)) {
        context.report('DL3004', instruction, range);
      }
      if (name === 'useradd' && !hasOption(args, 'l', ['--no-log-init'])) {
        const uidIndex = args.findIndex((w) => w.value === '-u' || w.value === '--uid');
        const uid = uidIndex >= 0 ? args[uidIndex + 1]?.value : args.find((w) => w.value.startsWith('--uid='))?.value.slice(6);
        if (uid && /^\d{6,}$/.test(uid)) context.report('DL3046', instruction, range);
      }
      if (name === 'wget' && !wgetQuiet(args.map((w) => w.value))) context.report('DL3047', instruction, range);
      if (name === 'ln' && hasOption(args, 's', ['--symbolic']) && positionalArgs(args).at(-1)?.value === '/bin/sh') {
        context.report('DL4005', instruction, range);
      }
    }
    checkPipefail(context, instruction, body);
  }
  for (const stage of context.stages) {
    checkCurlAndWget(context, stage);
    checkConsecutiveRuns(context, stage);
  }
}

/**
 * A `cd` that WORKDIR should replace. Not one in a subshell or `sh -c` (it does not outlive it), nor one
 * into a computed path or `-`, nor one into a build folder the same RUN deletes: WORKDIR would leave an
 * empty directory behind, which is why official images `cd` there.
 */
function cdNeedsWorkdir(body: RunBody, cd: Invocation): boolean {
  if (cd.command.inSubshell) return false;
  const target = positionalArgs(cd.args)[0];
  if (!target || !target.literal || target.value === '-' || target.value === '/') return false;
  const path = target.value.replace(/\/+$/, '');
  return !invocationsIn(body).some((inv) => inv.name === 'rm' && inv.command.start > cd.command.start &&
    inv.args.some((w) => w.literal && !w.value.startsWith('-') && (path === w.value.replace(/\/+$/, '') || path.startsWith(w.value.replace(/\/+$/, '') + '/'))));
}

function wgetQuiet(args: string[]): boolean {
  return args.some((a) => a.startsWith('--progress') || a === '-q' || a === '--quiet' || a === '-nv' ||
    a === '--no-verbose' || a === '-o' || a.startsWith('--output-file') || a === '-a' || a.startsWith('--append-output') ||
    /^-[a-zA-Z]*q/.test(a));
}

/** SHELL with `-o pipefail` in force for a RUN, looking back through its stage. */
function shellHasPipefail(context: LintContext, instruction: Instruction): boolean | undefined {
  const stage = context.stageOf(instruction);
  let result: boolean | undefined;
  for (const other of stage?.instructions ?? []) {
    if (other === instruction) break;
    if (other.getKeyword() !== 'SHELL') continue;
    const text = other.getArgumentsContent() ?? '';
    result = /"-[a-z]*o"\s*,\s*"pipefail"/.test(text) || /pipefail/.test(text) && /-o/.test(text) ||
      /(pwsh|powershell|cmd)/i.test(text);
  }
  return result;
}

function checkPipefail(context: LintContext, instruction: Instruction, body: RunBody): void {
  const piped = body.script.commands.find((c) => c.pipelineLength > 1);
  if (!piped || shellHasPipefail(context, instruction)) return;
  // `set -o pipefail` (or `set -euxo pipefail`) earlier in the same script covers the pipe too.
  const setBefore = invocationsIn(body).some((inv) => inv.name === 'set' && inv.command.start < piped.start &&
    inv.args.some((w, i) => /^-[a-zA-Z]*o$/.test(w.value) && inv.args[i + 1]?.value === 'pipefail'));
  if (setBefore) return;
  const start = instruction.getRange().start;
  const indent = context.document.getText({ start: { line: start.line, character: 0 }, end: start });
  context.report('DL4006', instruction, context.commandRange(body, piped), [], [{
    title: 'Add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before this RUN',
    edits: [{ range: { start, end: start }, newText: `SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${indent}` }],
  }]);
}

function checkCurlAndWget(context: LintContext, stage: Stage): void {
  let firstCurl: Instruction | undefined;
  let firstWget: Instruction | undefined;
  for (const instruction of stage.instructions) {
    if (instruction.getKeyword() !== 'RUN') continue;
    const body = context.runBody(instruction);
    if (!body) continue;
    for (const invocation of invocationsIn(body)) {
      // Checking which of the two exists (`command -v curl`) is not using both.
      if (invocation.name === 'curl' && !firstCurl) firstCurl = instruction;
      if (invocation.name === 'wget' && !firstWget) firstWget = instruction;
    }
  }
  if (!firstCurl || !firstWget) return;
  const second = firstCurl.getRange().start.line > firstWget.getRange().start.line ? firstCurl : firstWget;
  context.report('DL4001', second, second.getInstructionRange());
}

function checkConsecutiveRuns(context: LintContext, stage: Stage): void {
  let previous: Instruction | undefined;
  for (const instruction of stage.instructions) {
    const isRun = instruction.getKeyword() === 'RUN';
    const plain = isRun && (instruction as unknown as { getFlags(): unknown[] }).getFlags().length === 0;
    if (plain && previous) context.report('DL3059', instruction, instruction.getInstructionRange());
    previous = plain ? instruction : undefined;
  }
}
