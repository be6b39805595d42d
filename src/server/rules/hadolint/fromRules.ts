// Rules about FROM and stages: DL3006 DL3007 DL3024 DL3026 DL3029 DL3061 DL3063 DL3065, and BuildKit's
// StageNameCasing and FromAsCasing.
import { From } from 'dockerfile-ast';
import { LintContext } from '../context/lintContext';

const RESERVED_STAGE_NAMES = new Set(['scratch', 'context']);

export function checkFrom(context: LintContext): void {
  const first = context.instructions[0];
  if (first && first.getKeyword() !== 'FROM' && first.getKeyword() !== 'ARG') {
    context.report('DL3061', first, first.getInstructionRange());
  }
  const seenNames = new Map<string, From>();
  for (const stage of context.stages) {
    const from = stage.from;
    checkImage(context, from, seenNames);
    checkPlatform(context, from);
    const stageRange = from.getBuildStageRange();
    const rawName = from.getBuildStage();
    if (rawName && stageRange) {
      const name = rawName.toLowerCase();
      if (seenNames.has(name)) context.report('DL3024', from, stageRange, [rawName]);
      if (RESERVED_STAGE_NAMES.has(name)) context.report('DL3063', from, stageRange, [rawName]);
      if (rawName !== name) {
        context.report('StageNameCasing', from, stageRange, [rawName], [{
          title: `Rename the stage to ${name}`,
          edits: [{ range: stageRange, newText: name }],
        }]);
      }
      seenNames.set(name, from);
      checkAsCasing(context, from);
    }
  }
}

function checkImage(context: LintContext, from: From, previousStages: Map<string, From>): void {
  const image = from.getImage();
  const range = from.getImageRange();
  if (!image || !range || image.includes('$')) return;
  const name = from.getImageName() ?? image;
  if (name === 'scratch' || previousStages.has(image.toLowerCase())) return;
  const tag = from.getImageTag();
  if (!tag && !from.getImageDigest()) context.report('DL3006', from, range);
  if (tag === 'latest') context.report('DL3007', from, range);
  const trusted = context.settings.trustedRegistries;
  if (trusted.length > 0) {
    const registry = from.getRegistry() ?? 'docker.io';
    const allowed = trusted.some((pattern) => pattern === registry ||
      (pattern.startsWith('*') && registry.endsWith(pattern.slice(1))) ||
      (registry === 'docker.io' && (pattern === 'hub.docker.com' || pattern === 'index.docker.io')));
    if (!allowed) context.report('DL3026', from, range, [registry]);
  }
}

function checkPlatform(context: LintContext, from: From): void {
  const flag = from.getPlatformFlag();
  const value = flag?.getValue();
  if (!flag || value === null || value === undefined) return;
  if (/^\$\{?TARGETPLATFORM\}?$/.test(value)) {
    context.report('DL3065', from, flag.getRange(), [], [{
      title: 'Remove the redundant --platform flag',
      edits: [{ range: { start: flag.getRange().start, end: afterSpaces(context, flag.getRange().end) }, newText: '' }],
      preferred: true,
    }]);
  } else if (!value.includes('$')) {
    context.report('DL3029', from, flag.getRange());
  }
}

/** The position after the blanks that follow `position` on its line. */
function afterSpaces(context: LintContext, position: { line: number; character: number }): { line: number; character: number } {
  const line = context.document.getText({ start: position, end: { line: position.line, character: Number.MAX_SAFE_INTEGER } });
  const spaces = /^[ \t]*/.exec(line)?.[0].length ?? 0;
  return { line: position.line, character: position.character + spaces };
}

function checkAsCasing(context: LintContext, from: From): void {
  const keyword = from.getInstruction();
  const asWord = from.getArguments().find((a) => a.getValue().toLowerCase() === 'as');
  if (!asWord) return;
  const asText = asWord.getValue();
  const keywordUpper = keyword === keyword.toUpperCase();
  const keywordLower = keyword === keyword.toLowerCase();
  const mismatch = (keywordUpper && asText !== asText.toUpperCase()) || (keywordLower && asText !== asText.toLowerCase());
  if (mismatch) {
    context.report('FromAsCasing', from, asWord.getRange(), [], [{
      title: `Write "${keywordUpper ? 'AS' : 'as'}"`,
      edits: [{ range: asWord.getRange(), newText: keywordUpper ? 'AS' : 'as' }],
      preferred: true,
    }]);
  }
}
