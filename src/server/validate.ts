// The validation pipeline shared by the language server and dockside-lint: dockerfile-utils' syntax checks
// plus the best-practice rule engine, merged so each problem is reported once. Text and settings in,
// problems out; no editor state (the rule engine may read .hadolint.yaml/.dockerignore and run ShellCheck).
import { validate as validateSyntax } from 'dockerfile-utils';
import './utilsJsonQuotes';
import { availableParallelism } from 'node:os';
import type { LintOptions, LintProblem, LintRange, LintSeverity, LocalImageInfo } from '../shared/lintProtocol';
import { isSilenced, readPragmas, type Pragmas } from './pragmas';
import { incompleteProblem, type AnalysisPart } from './incomplete';
import {
  finishLint, prepareLint, runShellcheckAsync, ShellcheckCancelled, shellcheckFindings, shellcheckJobOf, ShellcheckPool,
  type PreparedLint, type ShellcheckJob,
} from './rules';
import { runShellcheckNeeded, runShellcheckSync, type ShellcheckFinding } from './rules/shellcheck/shellcheck';
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
  /** What the local engine knows of base images (the editor's engine; none on the command line). */
  localImages?: LocalImageInfo[];
  /** Called for each part that failed (a bug or a pathological input); the other parts' problems are kept. */
  onRuleEngineError?: (error: unknown) => void;
  /** Receives dockerfile-utils' problems before the rules run (they may be slow on a pathological text). */
  onSyntaxProblems?: (problems: PipelineProblem[]) => void;
}

export interface PipelineAnalysis {
  /** Everything but ShellCheck's findings on RUN bodies it has not checked yet (the cached ones are in). */
  fast: PipelineProblem[];
  /** The complete result once ShellCheck has run, when it has new bodies to check; aborting cancels it. */
  withShellcheck?: (signal?: AbortSignal) => Promise<PipelineProblem[]>;
}

/** Lints with ShellCheck off the fast path: the language server publishes `fast`, then `withShellcheck`. */
export function analyseDockerfile(request: LintRequest): PipelineAnalysis {
  const pipeline = preparePipeline(request);
  const job = jobOf(pipeline);
  if (!job || !runShellcheckNeeded(job)) return { fast: pipeline.finish(job ? shellcheckFindings(job) : [], true) };
  return {
    // The RUN bodies ShellCheck has seen keep their findings; only the changed ones wait for it (no flicker of
    // every ShellCheck squiggle in the file on each keystroke in a RUN).
    fast: pipeline.finish(shellcheckFindings(job), true),
    withShellcheck: async (signal) => {
      let complete = false;
      try {
        complete = await runShellcheckAsync([job], signal);
      } catch (error) {
        if (error instanceof ShellcheckCancelled) throw error;
        request.onRuleEngineError?.(error);
      }
      return pipeline.finish(shellcheckFindings(job), complete);
    },
  };
}

/** Synchronous (ShellCheck, when used, blocks): for the command line and benchmarks. */
export function lintDockerfile(request: LintRequest): PipelineProblem[] {
  return lintDockerfiles([request])[0];
}

/** Several files with one ShellCheck run over all their RUN bodies, synchronously (tests, benchmarks). */
export function lintDockerfiles(requests: readonly LintRequest[]): PipelineProblem[][] {
  const pipelines = requests.map(preparePipeline);
  const jobs = pipelines.map(jobOf);
  const present = jobs.filter((job): job is ShellcheckJob => job !== undefined);
  let complete = true;
  try {
    if (present.length > 0) complete = runShellcheckSync(present);
  } catch (error) {
    requests[0]?.onRuleEngineError?.(error);
    complete = false;
  }
  return finishAll(pipelines, jobs, complete);
}

/**
 * The command line's batch mode: the pure pipeline runs file after file on this thread while ShellCheck
 * checks the RUN bodies of the files already prepared, in up to `processes` processes at once. Each file is
 * finished as soon as its bodies are checked (at once when it has none to check), so a file's syntax tree
 * and rule state are garbage by then: keeping all of them to the end made collecting garbage cost more.
 */
export async function lintDockerfilesConcurrently(requests: readonly LintRequest[], processes = availableParallelism()): Promise<PipelineProblem[][]> {
  const pool = new ShellcheckPool(Math.max(1, processes));
  const results: Array<PipelineProblem[] | Promise<PipelineProblem[]>> = [];
  for (const [index, request] of requests.entries()) {
    const pipeline = preparePipeline(request);
    const job = jobOf(pipeline);
    if (!job) results.push(pipeline.finish([], true));
    else {
      results.push(pool.add(job).then(
        (complete) => pipeline.finish(shellcheckFindings(job), complete),
        (error: unknown) => {
          request.onRuleEngineError?.(error);
          return pipeline.finish(shellcheckFindings(job), false);
        },
      ));
    }
    // Finished ShellCheck processes hand over their output (a full pipe would stall them), queued ones start.
    if (index % 4 === 3) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  pool.startRemaining();
  return Promise.all(results);
}

function jobOf(pipeline: Pipeline): ShellcheckJob | undefined {
  return pipeline.prepared && safely(() => shellcheckJobOf(pipeline.prepared!), 'shellcheck', pipeline);
}

function finishAll(pipelines: readonly Pipeline[], jobs: readonly (ShellcheckJob | undefined)[], complete: boolean): PipelineProblem[][] {
  return pipelines.map((pipeline, index) => {
    const job = jobs[index];
    return pipeline.finish(job ? shellcheckFindings(job) : [], complete || !job);
  });
}

/** The same result as lintDockerfile, with ShellCheck running beside the event loop. */
export async function lintDockerfileAsync(request: LintRequest, signal?: AbortSignal): Promise<PipelineProblem[]> {
  const analysis = analyseDockerfile(request);
  return analysis.withShellcheck ? analysis.withShellcheck(signal) : analysis.fast;
}

interface Pipeline {
  prepared?: PreparedLint;
  failures: AnalysisPart[];
  finish(shellcheck: ShellcheckFinding[], shellcheckComplete: boolean): PipelineProblem[];
}

function safely<T>(work: () => T, part: AnalysisPart, pipeline: { failures: AnalysisPart[] }, report?: (error: unknown) => void): T | undefined {
  try {
    return work();
  } catch (error) {
    pipeline.failures.push(part);
    report?.(error);
    return undefined;
  }
}

function preparePipeline(request: LintRequest): Pipeline {
  const { text, settings, filePath, locale, docsBaseUri, localImages } = request;
  const report = request.onRuleEngineError;
  const lines = text.split(/\r\n|\r|\n/);
  const ignored = expandOverlappingIds(settings.lint.options.ignored ?? []);
  const severityOverrides = settings.lint.options.severityOverrides ?? {};
  const pipeline: Pipeline = { failures: [], finish: () => [] };
  // Each part is contained: a parser's stack overflow or a rule's bug loses that part's problems only.
  const syntaxProblems = settings.validation.enable
    ? safely(() => validateSyntax(text, settings.validation.checks).map((diagnostic) => toUtilsProblem(diagnostic, lines)), 'syntax', pipeline, report) ?? []
    : [];
  const plainSyntax = () => syntaxProblems.map(({ utilsCode, ...plain }): PipelineProblem => ({ ...plain, utilsFixes: [{ code: utilsCode, range: plain.range }] }));
  request.onSyntaxProblems?.(plainSyntax());
  const ruleOptions: LintOptions | undefined = settings.lint.enable
    ? { ...settings.lint.options, ignored: [...ignored], filePath, locale, docsBaseUri, localImages }
    : undefined;
  if (ruleOptions) {
    pipeline.prepared = safely(() => prepareLint(text, ruleOptions), 'rules', pipeline, report);
    for (const error of pipeline.prepared?.internalErrors ?? []) {
      pipeline.failures.push('rules');
      report?.(error);
    }
  }
  const pragmas = safely(() => readPragmas(lines), 'rules', pipeline, report);
  pipeline.finish = (shellcheck, shellcheckComplete) => {
    const failures = [...pipeline.failures];
    if (!shellcheckComplete) failures.push('shellcheck');
    let ruleProblems: LintProblem[] = [];
    if (pipeline.prepared) {
      ruleProblems = safely(() => finishLint(pipeline.prepared!, shellcheck).problems, 'rules', { failures }, report) ?? [];
    }
    const merged = pragmas
      ? safely(() => mergeProblems({ syntaxProblems, ruleProblems, pragmas, ignored, severityOverrides }), 'rules', { failures }, report)
      : undefined;
    const problems: PipelineProblem[] = merged ?? [...ruleProblems, ...plainSyntax()];
    return failures.length > 0 ? [incompleteProblem(failures, lines[0] ?? ''), ...problems] : problems;
  };
  return pipeline;
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
