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
import { resolveShellcheck, ShellcheckFinding, shellcheckAsync, shellcheckSync } from './shellcheck/shellcheck';

export { allRules } from './catalog/ruleCatalog';
export { findHadolintConfig } from './config/hadolintConfig';
export type { HadolintConfig } from './config/hadolintConfig';

/** The engine's facts about local images, keyed by reference (`alpine:3.20`, and `alpine` for `:latest`). */
function imageFacts(options: LintOptions): LocalImageFacts {
  if (!options.localImages || options.localImages.length === 0) return {};
  const platforms = new Map<string, { os: string; architecture: string }>();
  const configs = new Map<string, { env?: string[]; shell?: boolean }>();
  for (const image of options.localImages) {
    const names = [image.reference, ...(image.reference.endsWith(':latest') ? [image.reference.slice(0, -7)] : [])];
    for (const name of names) {
      platforms.set(name, { os: image.os, architecture: image.architecture });
      configs.set(name, { env: image.env, shell: image.shell });
    }
  }
  return { platforms, configs };
}

export interface LintResult {
  problems: LintProblem[];
  /** Rule families that threw (a bug): reported by tests, never shown as diagnostics. */
  internalErrors: string[];
  config: HadolintConfig;
}

interface Prepared {
  context: LintContext;
  config: HadolintConfig;
  internalErrors: string[];
}

function prepare(text: string, options: LintOptions): Prepared {
  const config = findHadolintConfig(options.filePath, options.hadolintConfigPath);
  const shellPragma = /^\s*#\s*hadolint\s+shell\s*=\s*(\S+)/im.exec(text)?.[1];
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
  return { context, config, internalErrors };
}

function finish(prepared: Prepared, options: LintOptions, shellcheck: ShellcheckFinding[]): LintResult {
  const { context, config } = prepared;
  const pragmas = readPragmas(context.text, context.instructions.map((i) => i.getRange().start.line));
  const inline: RawProblem[] = pragmas.inlineIgnores.map((p) => ({ ruleId: 'DL1001', range: p.range, details: [], anchorLine: p.instructionLine }));
  const problems = finishProblems(context, [...context.problems, ...inline, ...shellcheck], pragmas, config, options);
  return { problems, internalErrors: prepared.internalErrors, config };
}

/** Lints a Dockerfile; ShellCheck (when found) runs synchronously. */
export function lintDockerfile(text: string, options: LintOptions = {}): LintResult {
  const prepared = prepare(text, options);
  const binary = resolveShellcheck(options.shellcheckPath);
  let findings: ShellcheckFinding[] = [];
  try {
    if (binary) findings = shellcheckSync(prepared.context, binary);
  } catch {
    // ShellCheck is optional: a failure to run it (temp folder, spawn) leaves the other rules' results.
  }
  return finish(prepared, options, findings);
}

export function runRules(text: string, options: LintOptions): LintProblem[] {
  return lintDockerfile(text, options).problems;
}

/** Like runRules, but ShellCheck runs without blocking the caller's event loop. */
export async function runRulesAsync(text: string, options: LintOptions): Promise<LintProblem[]> {
  const prepared = prepare(text, options);
  const binary = resolveShellcheck(options.shellcheckPath);
  const findings = binary ? await shellcheckAsync(prepared.context, binary).catch(() => []) : [];
  return finish(prepared, options, findings).problems;
}
