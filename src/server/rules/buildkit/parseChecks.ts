// BuildKit's parse-phase and validation checks: StageNameCasing, FromAsCasing, MaintainerDeprecated,
// InvalidDefinitionDescription (parse phase, run up to where conversion stops), NoEmptyContinuation, and
// ConsistentInstructionCasing, DuplicateStageName, ReservedStageName (validation, whole file).
import { From, Heredoc, Instruction, PropertyInstruction } from 'dockerfile-ast';
import { LintContext } from '../context/lintContext';
import { BuildkitModel } from './buildkitModel';

export function checkParsePhase(bk: BuildkitModel): void {
  const context = bk.context;
  checkEmptyContinuations(bk);
  for (let i = 0; i < context.instructions.length; i++) {
    const instruction = context.instructions[i];
    if (bk.stopIndex >= 0 && i > bk.stopIndex) break;
    const keyword = instruction.getKeyword();
    if (keyword === 'MAINTAINER') bk.report('MaintainerDeprecated', instruction, instruction.getRange());
    if (keyword === 'FROM') checkFromCasing(bk, instruction as From);
    if ((keyword === 'FROM' || keyword === 'ARG') && bk.experimentalEnabled('InvalidDefinitionDescription')) {
      checkDefinitionDescription(bk, instruction);
    }
  }
  if (!bk.dispatches) return;
  const seen = new Set<string>();
  for (const stage of bk.stages) {
    const name = stage.name;
    if (name === undefined) continue;
    const range = stage.from.getBuildStageRange() ?? undefined;
    if (name === 'scratch' || name === 'context') bk.report('ReservedStageName', stage.from, range, [name], undefined, false);
    if (seen.has(name)) bk.report('DuplicateStageName', stage.from, range, [name], undefined, false);
    seen.add(name);
  }
  checkCasing(bk);
}

function words(instruction: Instruction): string[] {
  return instruction.getArguments().map((a) => a.getValue());
}

function checkFromCasing(bk: BuildkitModel, from: From): void {
  const args = words(from);
  if (args.length === 3 && args[2] !== args[2].toLowerCase()) {
    const range = from.getBuildStageRange() ?? undefined;
    bk.report('StageNameCasing', from, range, [args[2]], range ? [{
      title: `Rename the stage to ${args[2].toLowerCase()}`, edits: [{ range, newText: args[2].toLowerCase() }],
    }] : undefined);
  }
  if (args.length < 3) return;
  const keyword = from.getInstruction();
  const asWord = args[1];
  const mismatch = (keyword === keyword.toLowerCase() && asWord !== asWord.toLowerCase()) ||
    (keyword === keyword.toUpperCase() && asWord !== asWord.toUpperCase());
  if (!mismatch) return;
  const asArgument = from.getArguments()[1];
  const wanted = keyword === keyword.toUpperCase() ? 'AS' : 'as';
  bk.report('FromAsCasing', from, asArgument.getRange(), [asWord, keyword], [{
    title: `Write "${wanted}"`, edits: [{ range: asArgument.getRange(), newText: wanted }],
  }]);
}

function checkDefinitionDescription(bk: BuildkitModel, instruction: Instruction): void {
  const comments = bk.prevComments(instruction);
  if (comments.length === 0) return;
  const first = comments[comments.length - 1].split(' ')[0];
  if (instruction.getKeyword() === 'FROM') {
    const name = (instruction as From).getBuildStage()?.toLowerCase();
    if (name !== undefined && first !== name) bk.report('InvalidDefinitionDescription', instruction, undefined, ['FROM', name]);
  } else {
    const keys = (instruction as PropertyInstruction).getProperties().map((p) => p.getName());
    if (keys.length > 0 && !keys.includes(first)) {
      bk.report('InvalidDefinitionDescription', instruction, undefined, ['ARG', keys.length === 1 ? keys[0] : '<arg_key>']);
    }
  }
}

/** One warning per instruction with a blank line inside its continuation, on its last line. */
function checkEmptyContinuations(bk: BuildkitModel): void {
  const context = bk.context;
  for (const instruction of context.instructions) {
    const range = instruction.getRange();
    if (range.start.line === range.end.line) continue;
    let last = range.end.line;
    // getHeredocs re-reads the instruction: only when it can have one.
    const heredocs = context.document.getText(range).includes('<<') ? heredocsIn(instruction) : [];
    if (heredocs.length > 0) {
      const firstBody = Math.min(...heredocs.map((h) => h.getStartRange().start.line));
      last = Math.min(last, firstBody);
    }
    if (range.start.line === last) continue;
    let empty: number | undefined;
    for (let line = range.start.line + 1; line < last || (line === last && heredocs.length === 0); line++) {
      if (lineText(context, line).trim() === '') {
        empty = line;
        break;
      }
    }
    if (empty === undefined) continue;
    const emptyRange = { start: { line: empty, character: 0 }, end: { line: empty + 1, character: 0 } };
    const at = { line: last, character: 0 };
    context.report('NoEmptyContinuation', instruction, { start: at, end: at }, [], [{
      title: 'Remove the empty continuation line', edits: [{ range: emptyRange, newText: '' }], preferred: true,
    }]);
  }
}

function lineText(context: LintContext, line: number): string {
  return context.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
}

/** The majority rule: a keyword not in the file's majority casing (ties: upper case), meta ARGs excluded. */
function checkCasing(bk: BuildkitModel): void {
  const counted: Instruction[] = [];
  for (const stage of bk.stages) counted.push(stage.from, ...stage.instructions);
  let lower = 0;
  let upper = 0;
  for (const instruction of counted) {
    const written = instruction.getInstruction();
    if (written === written.toLowerCase()) lower++;
    else if (written === written.toUpperCase()) upper++;
  }
  const majorityLower = lower > upper;
  for (const instruction of counted) {
    const written = instruction.getInstruction();
    const wanted = majorityLower ? written.toLowerCase() : written.toUpperCase();
    if (written === wanted) continue;
    const range = instruction.getInstructionRange();
    // Checks after the instruction was reported (its own comments are not consulted: global only).
    bk.context.report('ConsistentInstructionCasing', instruction, range, [written, majorityLower ? 'lowercase' : 'uppercase'], [{
      title: `Write ${wanted}`, edits: [{ range, newText: wanted }], preferred: true,
    }]);
  }
}

/** The here-documents of a RUN, COPY or ADD (dockerfile-ast throws on some malformed ones: none then). */
function heredocsIn(instruction: Instruction): Heredoc[] {
  try {
    return (instruction as unknown as { getHeredocs?(): Heredoc[] }).getHeredocs?.() ?? [];
  } catch {
    return [];
  }
}
