// BuildKit's checks on how instructions are written: ConsistentInstructionCasing, NoEmptyContinuation,
// ExposeProtoCasing, ExposeInvalidFormat, InvalidDefinitionDescription.
import { Instruction, PropertyInstruction } from 'dockerfile-ast';
import { LintContext } from '../context/lintContext';

export function checkFormat(context: LintContext): void {
  for (const instruction of context.instructions) {
    checkCasing(context, instruction);
    checkEmptyContinuation(context, instruction);
    const keyword = instruction.getKeyword();
    if (keyword === 'EXPOSE') checkExpose(context, instruction);
    if (keyword === 'ARG' || keyword === 'FROM') checkDefinitionDescription(context, instruction);
  }
}

function checkCasing(context: LintContext, instruction: Instruction): void {
  const written = instruction.getInstruction();
  const keyword = instruction.getKeyword();
  if (written === keyword || written.toUpperCase() !== keyword) return;
  context.report('ConsistentInstructionCasing', instruction, instruction.getInstructionRange(), [written], [{
    title: `Write ${keyword}`,
    edits: [{ range: instruction.getInstructionRange(), newText: keyword }],
    preferred: true,
  }]);
}

function checkEmptyContinuation(context: LintContext, instruction: Instruction): void {
  const range = instruction.getRange();
  if (range.start.line === range.end.line || (instruction.getRawArgumentsContent() ?? '').includes('<<')) return;
  for (let line = range.start.line + 1; line <= range.end.line; line++) {
    const text = context.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    if (text.trim() === '') {
      const lineRange = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
      context.report('NoEmptyContinuation', instruction, { start: lineRange.start, end: lineRange.start }, [], [{
        title: 'Remove the empty continuation line',
        edits: [{ range: lineRange, newText: '' }],
        preferred: true,
      }]);
    }
  }
}

function checkExpose(context: LintContext, instruction: Instruction): void {
  for (const argument of instruction.getArguments()) {
    const value = argument.getValue();
    if (value.includes('$')) continue;
    if (value.includes(':')) context.report('ExposeInvalidFormat', instruction, argument.getRange(), [value]);
    const protocol = value.split('/')[1];
    if (protocol && protocol !== protocol.toLowerCase()) {
      context.report('ExposeProtoCasing', instruction, argument.getRange(), [value], [{
        title: `Write ${value.toLowerCase()}`,
        edits: [{ range: argument.getRange(), newText: value.toLowerCase() }],
        preferred: true,
      }]);
    }
  }
}

/** A comment right above `ARG name` or `FROM ... AS name` documents it and must start with the name. */
function checkDefinitionDescription(context: LintContext, instruction: Instruction): void {
  const line = instruction.getRange().start.line;
  if (line === 0) return;
  const above = context.document.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }).trim();
  if (!above.startsWith('#') || /^#\s*(hadolint|check=|syntax=|escape=|dockerfile-utils)/.test(above)) return;
  const name = instruction.getKeyword() === 'ARG'
    ? (instruction as PropertyInstruction).getProperties()[0]?.getName()
    : (instruction as unknown as { getBuildStage(): string | null }).getBuildStage();
  if (!name) return;
  const words = above.replace(/^#\s*/, '').split(/\s+/);
  if (words[0] !== name) context.report('InvalidDefinitionDescription', instruction, instruction.getRange(), [name, name]);
}
