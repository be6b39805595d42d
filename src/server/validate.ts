// The validation pipeline shared by the language server and dockside-lint: dockerfile-utils' syntax checks
// plus the best-practice rule engine, merged so each problem is reported once. Text and settings in,
// problems out; no editor state (the rule engine may read .hadolint.yaml/.dockerignore and run ShellCheck).
import { validate as validateSyntax } from 'dockerfile-utils';
import type { LintOptions, LintProblem, LintRange, LintSeverity } from '../shared/lintProtocol';
import { isSilenced, readPragmas, type Pragmas } from './pragmas';
import { runRules, runRulesAsync } from './rules';
import type { DockerfileSettings } from './settings';
import { expandOverlappingIds, overlapGroups, toUtilsProblem, type UtilsProblem } from './utilsProblems';

/**
 * A problem as the editor and the command line show it. `utilsFixes` are the dockerfile-utils problems it
 * stands for, whose quick fixes the language service computes from their code and range.
 */
export interface PipelineProblem extends LintProblem {
  utilsFixes?: { code: number; range: LintRange }[];
}

export interface LintRequest {
  text: string;
  settings: DockerfileSettings;
  /** Absolute path when the document is a file: the rule engine looks for .dockerignore/.hadolint.yaml. */
  filePath?: string;
  /** Display language of messages (`en`, `zh-cn`, ...). */
  locale?: string;
  /** Where the extension's docs/rules folder is, for the rules' documentation links. */
  docsBaseUri?: string;
  /** Called when the rule engine throws; dockerfile-utils' problems are still returned. */
  onRuleEngineError?: (error: unknown) => void;
}

/** Synchronous (ShellCheck, when used, blocks): for the command line and benchmarks. */
export function lintDockerfile(request: LintRequest): PipelineProblem[] {
  const pipeline = preparePipeline(request);
  let ruleProblems: LintProblem[] = [];
  if (pipeline.ruleOptions) {
    try {
      ruleProblems = runRules(request.text, pipeline.ruleOptions);
    } catch (error) {
      request.onRuleEngineError?.(error);
    }
  }
  return pipeline.finish(ruleProblems);
}

/** The same result, with ShellCheck running beside the event loop: for the language server. */
export async function lintDockerfileAsync(request: LintRequest): Promise<PipelineProblem[]> {
  const pipeline = preparePipeline(request);
  let ruleProblems: LintProblem[] = [];
  if (pipeline.ruleOptions) {
    try {
      ruleProblems = await runRulesAsync(request.text, pipeline.ruleOptions);
    } catch (error) {
      request.onRuleEngineError?.(error);
    }
  }
  return pipeline.finish(ruleProblems);
}

function preparePipeline({ text, settings, filePath, locale, docsBaseUri }: LintRequest) {
  const lines = text.split(/\r\n|\r|\n/);
  const ignored = expandOverlappingIds(settings.lint.options.ignored ?? []);
  const severityOverrides = settings.lint.options.severityOverrides ?? {};
  const syntaxProblems = settings.validation.enable
    ? validateSyntax(text, settings.validation.checks).map((diagnostic) => toUtilsProblem(diagnostic, lines))
    : [];
  const ruleOptions: LintOptions | undefined = settings.lint.enable
    ? { ...settings.lint.options, ignored: [...ignored], filePath, locale, docsBaseUri }
    : undefined;
  return {
    ruleOptions,
    finish: (ruleProblems: LintProblem[]) =>
      mergeProblems({ syntaxProblems, ruleProblems, pragmas: readPragmas(lines), ignored, severityOverrides }),
  };
}

export interface MergeInput {
  syntaxProblems: UtilsProblem[];
  ruleProblems: LintProblem[];
  pragmas: Pragmas;
  ignored: ReadonlySet<string>;
  severityOverrides: Record<string, LintSeverity | 'off'>;
}

const overlappingIds = new Set(overlapGroups.flat());
/** Ids shared by several groups (BuildKit's MultipleInstructionsDisallowed): they prove nothing file-wide. */
const ambiguousIds = new Set([...overlappingIds].filter((id) => overlapGroups.filter((group) => group.includes(id)).length > 1));

/**
 * Keeps one problem per meaning: a hadolint or BuildKit problem on the same instruction as a
 * dockerfile-utils problem with a shared id wins (its id is the one users know and its docs are ours). For
 * the "more than one" checks, each tool marks different occurrences, so a shared id anywhere in the file
 * suffices. Pragmas and settings that name any id of a problem silence it.
 */
export function mergeProblems({ syntaxProblems, ruleProblems, pragmas, ignored, severityOverrides }: MergeInput): PipelineProblem[] {
  const instructionOf = (problem: LintProblem) => {
    const line = problem.range.start.line;
    const start = pragmas.instructionStartOf[line];
    return start === undefined || start < 0 ? line : start;
  };
  const kept: PipelineProblem[] = [];
  const byInstruction = new Map<number, PipelineProblem[]>();
  for (const problem of ruleProblems) {
    // `# dockerfile-utils: ignore` silences the same problem under its hadolint or BuildKit name too.
    const line = instructionOf(problem);
    if (pragmas.utilsIgnoredLines.has(line) && idsOf(problem).some((id) => overlappingIds.has(id))) continue;
    const copy: PipelineProblem = { ...problem };
    kept.push(copy);
    const onInstruction = byInstruction.get(line);
    if (onInstruction) onInstruction.push(copy);
    else byInstruction.set(line, [copy]);
  }
  const sharesId = (ids: readonly string[], fileWide: boolean) => (candidate: PipelineProblem) =>
    idsOf(candidate).some((id) => ids.includes(id) && !(fileWide && ambiguousIds.has(id)));

  for (const problem of syntaxProblems) {
    const ids = idsOf(problem);
    const winner =
      byInstruction.get(instructionOf(problem))?.find(sharesId(ids, false)) ??
      (reportedPerOccurrence.has(problem.ruleId) ? kept.find(sharesId(ids, true)) : undefined);
    if (winner) {
      // The winner keeps the language service's quick fix for the problem it replaces.
      winner.utilsFixes = [...(winner.utilsFixes ?? []), { code: problem.utilsCode, range: problem.range }];
      continue;
    }
    if (ids.some((id) => ignored.has(id)) || isSilenced(pragmas, ids, problem.range.start.line)) continue;
    const severity = overriddenSeverity(ids, problem.severity, severityOverrides);
    if (severity === 'off') continue;
    const { utilsCode, ...plain } = problem;
    kept.push({ ...plain, severity, utilsFixes: [{ code: utilsCode, range: problem.range }] });
  }
  return kept.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/** Checks where hadolint, BuildKit and dockerfile-utils each mark a different occurrence of the problem. */
const reportedPerOccurrence = new Set([
  'instructionCmdMultiple',
  'instructionEntrypointMultiple',
  'instructionHealthcheckMultiple',
  'duplicateBuildStageName',
]);

function idsOf(problem: LintProblem): string[] {
  return problem.aliases ? [problem.ruleId, ...problem.aliases] : [problem.ruleId];
}

function overriddenSeverity(
  ids: readonly string[],
  severity: LintSeverity,
  overrides: Record<string, LintSeverity | 'off'>,
): LintSeverity | 'off' {
  for (const id of ids) {
    const override = overrides[id];
    if (override) return override;
  }
  return severity;
}
