// The Dockerfile rule engine: hadolint's rules, BuildKit's checks and ShellCheck in one pass over one parse.
// Pure apart from reading .hadolint.yaml / .dockerignore beside the file and running ShellCheck.
import { LintOptions, LintProblem } from '../../shared/lintProtocol';
import { checkBuildkitRules, LocalImageFacts } from './buildkit';
import { dockerignoreFor } from './config/dockerignore';
import { findHadolintConfig, HadolintConfig } from './config/hadolintConfig';
import { LintContext, RawProblem } from './context/lintContext';
import { checkHadolintRules } from './hadolint';
import { readPragmas } from './pragmas';
import { finishProblems } from './problems';
import {
  resolveShellcheck, runShellcheckAsync, runShellcheckSync, ShellcheckFinding, shellcheckFindings, shellcheckJob, ShellcheckJob,
} from './shellcheck/shellcheck';

export { allRules } from './catalog/ruleCatalog';
export { findHadolintConfig } from './config/hadolintConfig';
export type { HadolintConfig } from './config/hadolintConfig';
export { runShellcheckAsync, shellcheckFindings, ShellcheckCancelled, ShellcheckPool } from './shellcheck/shellcheck';
export type { ShellcheckJob } from './shellcheck/shellcheck';

/** The engine's facts about local images, keyed by every way a FROM may name them (see referenceAliases). */
function imageFacts(options: LintOptions): LocalImageFacts {
  if (!options.localImages || options.localImages.length === 0) return {};
  const platforms = new Map<string, { os: string; architecture: string; variant?: string }>();
  const configs = new Map<string, { env?: string[]; shell?: boolean }>();
  for (const image of options.localImages) {
    for (const name of referenceAliases(image.reference)) {
      platforms.set(name, { os: image.os, architecture: image.architecture, variant: image.variant });
      configs.set(name, { env: image.env, shell: image.shell });
    }
  }
  return { platforms, configs };
}

/**
 * The references that name the same local image as the engine's `repo:tag`: without `:latest`, and for a
 * Docker Hub name, its fully qualified forms (`alpine:3` is `docker.io/library/alpine:3`).
 */
export function referenceAliases(reference: string): string[] {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  const [repository, tag] = colon > slash ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, 'latest'];
  const first = repository.split('/')[0];
  const hasDomain = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const repositories = [repository];
  if (!hasDomain) {
    const path = repository.includes('/') ? repository : `library/${repository}`;
    repositories.push(`docker.io/${path}`, `index.docker.io/${path}`);
    if (path !== repository) repositories.push(path);
  }
  return repositories.flatMap((name) => (tag === 'latest' ? [`${name}:${tag}`, name] : [`${name}:${tag}`]));
}

export interface LintResult {
  problems: LintProblem[];
  /** Rule families that threw (a bug): the pipeline reports the analysis as incomplete. */
  internalErrors: string[];
  config: HadolintConfig;
  /** False when ShellCheck was wanted but did not finish (failed, timed out): its findings are missing. */
  shellcheckComplete: boolean;
}

/** One parse and every in-process rule; ShellCheck's findings are added by finishLint. */
export interface PreparedLint {
  context: LintContext;
  config: HadolintConfig;
  internalErrors: string[];
  options: LintOptions;
}

export function prepareLint(text: string, options: LintOptions): PreparedLint {
  const config = findHadolintConfig(options.filePath, options.hadolintConfigPath);
  // The regex walks every line start; most files have no hadolint pragma at all.
  const shellPragma = text.includes('hadolint') ? /^[ \t]*#[ \t]*hadolint[ \t]+shell[ \t]*=[ \t]*(\S+)/im.exec(text)?.[1] : undefined;
  const context = new LintContext(text, {
    trustedRegistries: [...(options.trustedRegistries ?? []), ...config.trustedRegistries],
    labelSchema: config.labelSchema,
    strictLabels: config.strictLabels,
    isIgnoredByDockerignore: options.filePath ? dockerignoreFor(options.filePath) : undefined,
    nonPosixShellPragma: shellPragma !== undefined && !/(^|\/)(sh|bash|ash|dash|zsh|ksh|mksh)$/.test(shellPragma),
  });
  const internalErrors: string[] = [];
  const families: Array<(context: LintContext) => void> = [
    checkHadolintRules, function checkBuildkit(c: LintContext) { checkBuildkitRules(c, imageFacts(options)); },
  ];
  for (const family of families) {
    try {
      family(context);
    } catch (error) {
      internalErrors.push(`${family.name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  return { context, config, internalErrors, options };
}

/** The ShellCheck work of a prepared lint, or undefined when ShellCheck is off, missing or has nothing to check. */
export function shellcheckJobOf(prepared: PreparedLint): ShellcheckJob | undefined {
  const binary = resolveShellcheck(prepared.options.shellcheckPath);
  return binary ? shellcheckJob(prepared.context, binary) : undefined;
}

export function finishLint(prepared: PreparedLint, shellcheck: ShellcheckFinding[] = [], shellcheckComplete = true): LintResult {
  const { context, config, options } = prepared;
  const pragmas = readPragmas(context.text, context.instructions.map((i) => i.getRange().start.line));
  const inline: RawProblem[] = pragmas.inlineIgnores.map((p) => ({ ruleId: 'DL1001', range: p.range, details: [], anchorLine: p.instructionLine }));
  const problems = finishProblems(context, [...context.problems, ...inline, ...shellcheck], pragmas, config, options);
  return { problems, internalErrors: prepared.internalErrors, config, shellcheckComplete };
}

/** Lints a Dockerfile; ShellCheck (when found) runs synchronously. */
export function lintDockerfile(text: string, options: LintOptions = {}): LintResult {
  return lintDockerfiles([{ text, options }])[0];
}

/** Lints several Dockerfiles with one ShellCheck run for all their RUN bodies (the CLI's batch mode). */
export function lintDockerfiles(inputs: ReadonlyArray<{ text: string; options: LintOptions }>): LintResult[] {
  const prepared = inputs.map(({ text, options }) => prepareLint(text, options));
  const jobs = prepared.map(shellcheckJobOf);
  const present = jobs.filter((job): job is ShellcheckJob => job !== undefined);
  let complete = true;
  try {
    if (present.length > 0) complete = runShellcheckSync(present);
  } catch {
    // A failure to run it (temp folder, spawn) leaves the other rules' results.
    complete = false;
  }
  return prepared.map((one, index) => {
    const job = jobs[index];
    return job ? finishLint(one, shellcheckFindings(job), complete) : finishLint(one);
  });
}

export function runRules(text: string, options: LintOptions): LintProblem[] {
  return lintDockerfile(text, options).problems;
}

/** Like runRules, but ShellCheck runs without blocking the caller's event loop. */
export async function runRulesAsync(text: string, options: LintOptions, signal?: AbortSignal): Promise<LintProblem[]> {
  const prepared = prepareLint(text, options);
  const job = shellcheckJobOf(prepared);
  const complete = job ? await runShellcheckAsync([job], signal) : true;
  return finishLint(prepared, job ? shellcheckFindings(job) : [], complete).problems;
}
