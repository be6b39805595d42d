// Gives each dockerfile-utils diagnostic a rule id users can name (in settings, pragmas and --ignore) and the
// hadolint / BuildKit ids that mean the same thing, so the pipeline can keep one diagnostic where the
// three rule sets overlap.
import { ValidationCode } from 'dockerfile-utils';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LintProblem } from '../shared/lintProtocol';
import { translateUtilsMessage } from './utilsMessages';

/** A dockerfile-utils problem keeps its numeric code: the language service's quick fixes are keyed on it. */
export interface UtilsProblem extends LintProblem {
  utilsCode: number;
}

/**
 * Problems that hadolint, BuildKit and dockerfile-utils all know, one group per meaning. The first id is
 * ours for the dockerfile-utils check (the nine configurable ones carry their setting's name).
 */
export const overlapGroups: readonly (readonly string[])[] = [
  ['deprecatedMaintainer', 'DL4000', 'MaintainerDeprecated'],
  ['instructionWorkdirRelative', 'DL3000', 'WorkdirRelativePath'],
  ['instructionCmdMultiple', 'DL4003', 'MultipleInstructionsDisallowed'],
  ['instructionEntrypointMultiple', 'DL4004', 'MultipleInstructionsDisallowed'],
  ['instructionHealthcheckMultiple', 'DL3012', 'MultipleInstructionsDisallowed'],
  ['duplicateBuildStageName', 'DL3024', 'DuplicateStageName'],
  ['emptyContinuationLine', 'NoEmptyContinuation'],
  ['instructionCasing', 'ConsistentInstructionCasing'],
  ['invalidPort', 'DL3011', 'ExposeInvalidFormat'],
  ['onbuildTriggerDisallowed', 'DL3043'],
  ['onbuildChainingDisallowed', 'DL3043'],
];

const groupByUtilsId = new Map(overlapGroups.map((group) => [group[0], group]));

/** Ids that do not follow from the enum name: the checks named after their setting. */
const idByCode: Partial<Record<ValidationCode, string>> = {
  [ValidationCode.DEPRECATED_MAINTAINER]: 'deprecatedMaintainer',
  [ValidationCode.CASING_DIRECTIVE]: 'directiveCasing',
  [ValidationCode.EMPTY_CONTINUATION_LINE]: 'emptyContinuationLine',
  [ValidationCode.CASING_INSTRUCTION]: 'instructionCasing',
  [ValidationCode.JSON_IN_SINGLE_QUOTES]: 'instructionJSONInSingleQuotes',
  [ValidationCode.WORKDIR_IS_NOT_ABSOLUTE]: 'instructionWorkdirRelative',
};

const multipleInstructionIds: Record<string, string> = {
  CMD: 'instructionCmdMultiple',
  ENTRYPOINT: 'instructionEntrypointMultiple',
  HEALTHCHECK: 'instructionHealthcheckMultiple',
};

export function utilsRuleId(diagnostic: Diagnostic, lines: readonly string[]): string {
  const code = Number(diagnostic.code) as ValidationCode;
  if (code === ValidationCode.MULTIPLE_INSTRUCTIONS) {
    const { start, end } = diagnostic.range;
    const keyword = (lines[start.line] ?? '').slice(start.character, end.character).trim().toUpperCase();
    return multipleInstructionIds[keyword] ?? 'multipleInstructions';
  }
  return idByCode[code] ?? camelCase(ValidationCode[code] ?? 'unknown');
}

export function toUtilsProblem(diagnostic: Diagnostic, lines: readonly string[]): UtilsProblem {
  const ruleId = utilsRuleId(diagnostic, lines);
  const group = groupByUtilsId.get(ruleId);
  return {
    ruleId,
    source: 'dockerfile-utils',
    severity: diagnostic.severity === DiagnosticSeverity.Error ? 'error' : 'warning',
    message: translateUtilsMessage(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value),
    range: diagnostic.range,
    aliases: group ? group.slice(1) : undefined,
    utilsCode: Number(diagnostic.code),
  };
}

/** Every id of the groups an id belongs to, so ignoring one name of a problem ignores all its names. */
export function expandOverlappingIds(ids: Iterable<string>): Set<string> {
  const expanded = new Set<string>();
  for (const id of ids) {
    expanded.add(id);
    for (const group of overlapGroups) {
      if (group.includes(id)) group.forEach((member) => expanded.add(member));
    }
  }
  return expanded;
}

function camelCase(enumName: string): string {
  return enumName.toLowerCase().replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
