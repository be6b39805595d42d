// COPY and ADD: DL3010 DL3020 DL3021 DL3022 DL3023 DL3045 DL3067.
import { Instruction } from 'dockerfile-ast';
import { LintContext, Stage } from '../context/lintContext';
import { invocationsIn } from '../context/runHelpers';
import { hasOption } from '../shell/invocation';
import { copyArguments, CopyArguments } from './copyArguments';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tlz|tar\.lzma|gz|bz2|xz|zst|lz|lzma|Z|tZ)$/;
const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/;
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export function checkCopyAndAdd(context: LintContext): void {
  for (const stage of context.stages) {
    let workdirSet = inheritsWorkdir(context, stage);
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'WORKDIR') workdirSet = true;
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const args = copyArguments(instruction);
      if (!args) continue;
      if (keyword === 'ADD') checkAdd(context, instruction, args);
      checkDestination(context, instruction, args, workdirSet);
      if (keyword === 'COPY') {
        checkFromStage(context, instruction, args, stage);
        checkArchiveExtractedLater(context, instruction, args, stage);
      }
    }
  }
}

/** A stage built FROM an earlier stage that set a WORKDIR keeps it (once per stage: chains are walked often). */
const inheritsWorkdirCache = new WeakMap<Stage, boolean>();

function inheritsWorkdir(context: LintContext, stage: Stage): boolean {
  let known = inheritsWorkdirCache.get(stage);
  if (known === undefined) {
    const parent = context.parentStage(stage);
    known = parent !== undefined && (parent.instructions.some((i) => i.getKeyword() === 'WORKDIR') || inheritsWorkdir(context, parent));
    inheritsWorkdirCache.set(stage, known);
  }
  return known;
}

function checkAdd(context: LintContext, instruction: Instruction, args: CopyArguments): void {
  if (args.heredoc || args.flags.some((f) => ADD_ONLY_FLAGS.has(f.name))) return;
  const local = args.sources.every((s) => !s.value.includes('$') && !REMOTE.test(s.value) && !ARCHIVE.test(s.value));
  if (!local || args.sources.length === 0) return;
  context.report('DL3020', instruction, instruction.getInstructionRange(), [], [{
    title: 'Replace ADD with COPY',
    edits: [{ range: instruction.getInstructionRange(), newText: 'COPY' }],
    preferred: true,
  }]);
}

function checkDestination(context: LintContext, instruction: Instruction, args: CopyArguments, workdirSet: boolean): void {
  const destination = args.destination;
  if (!destination || args.heredoc) return;
  const value = destination.value;
  if (args.sources.length > 1 && !value.endsWith('/') && !value.includes('$')) {
    context.report('DL3021', instruction, destination.range);
  }
  const absolute = value.startsWith('/') || value.startsWith('$') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\');
  if (!absolute && !workdirSet) context.report('DL3045', instruction, destination.range);
}

function checkFromStage(context: LintContext, instruction: Instruction, args: CopyArguments, stage: Stage): void {
  const from = args.flags.find((f) => f.name === 'from');
  if (!from || !from.value) return;
  const reference = from.value.toLowerCase();
  if (stage.name !== undefined && reference === stage.name) {
    context.report('DL3023', instruction, from.range, [from.value]);
  } else if (!/^\d+$/.test(reference) && !/[:/@$]/.test(reference) &&
    !context.stages.some((s) => s.index < stage.index && s.name === reference)) {
    context.report('DL3022', instruction, from.range, [from.value]);
  }
  // A stage built FROM scratch holds only what was put there on purpose: copying all of it is fine.
  const source = context.stages.find((s) => s.index < stage.index && s.name === reference);
  const curated = source !== undefined && source.from.getImageName() === 'scratch';
  const whole = args.sources.find((s) => s.value === '/' || s.value === '/.');
  if (whole && !curated) context.report('DL3067', instruction, whole.range, [from.value]);
}

function checkArchiveExtractedLater(context: LintContext, instruction: Instruction, args: CopyArguments, stage: Stage): void {
  const archives = args.sources.filter((s) => ARCHIVE.test(s.value) && !s.value.includes('$') && !REMOTE.test(s.value));
  if (archives.length === 0 || args.flags.some((f) => f.name === 'from')) return;
  const names = new Set(archives.map((s) => s.value.split('/').pop() ?? s.value));
  const later = stage.instructions.slice(stage.instructions.indexOf(instruction) + 1);
  for (const run of later) {
    if (run.getKeyword() !== 'RUN') continue;
    const body = context.runBody(run);
    if (!body) continue;
    const extracts = invocationsIn(body).some((inv) => inv.name === 'tar' &&
      (hasOption(inv.args, 'x', ['--extract', '--get']) || /^[a-zA-Z]*x/.test(inv.args[0]?.value ?? '')) &&
      inv.args.some((w) => names.has(w.value.split('/').pop() ?? '')));
    if (extracts) {
      context.report('DL3010', instruction, instruction.getRange());
      return;
    }
  }
}
