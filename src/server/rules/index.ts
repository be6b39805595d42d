// The Dockerfile rule engine: hadolint's rules, BuildKit's checks and ShellCheck in one pass over one parse.
// Pure apart from reading .hadolint.yaml / .dockerignore beside the file and running ShellCheck.
import { LintOptions, LintProblem } from '../../shared/lintProtocol';
import { checkArgAndEnv } from './buildkit/argEnvRules';
import { checkCopyIgnoredFile } from './buildkit/copyIgnoredFile';
import { checkFormat } from './buildkit/formatRules';
import { checkVariables } from './buildkit/variableRules';
import { dockerignoreFor } from './config/dockerignore';
import { findHadolintConfig, HadolintConfig } from './config/hadolintConfig';
import { LintContext, RawProblem } from './context/lintContext';
import { checkApt } from './hadolint/aptRules';
import { checkCopyAndAdd } from './hadolint/copyRules';
import { checkFrom } from './hadolint/fromRules';
import { checkInstructions } from './hadolint/instructionRules';
import { checkLabels } from './hadolint/labelRules';
import { checkLanguagePackages } from './hadolint/languagePackageRules';
import { checkRpm } from './hadolint/rpmRules';
import { checkShellCommands } from './hadolint/shellCommandRules';
import { readPragmas } from './pragmas';
import { finishProblems } from './problems';
import { resolveShellcheck, ShellcheckFinding, shellcheckAsync, shellcheckSync } from './shellcheck/shellcheck';

export { allRules } from './catalog/ruleCatalog';
export { findHadolintConfig } from './config/hadolintConfig';
export type { HadolintConfig } from './config/hadolintConfig';

const RULE_FAMILIES: Array<(context: LintContext) => void> = [
  checkApt, checkLanguagePackages, checkRpm, checkShellCommands, checkFrom, checkCopyAndAdd, checkInstructions,
  checkLabels, checkArgAndEnv, checkVariables, checkFormat, checkCopyIgnoredFile,
];

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
  for (const family of RULE_FAMILIES) {
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
