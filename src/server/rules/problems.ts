// Turns what rules reported into what users see: one problem per rule and place, aliases attached, silenced
// by any of its ids (settings, .hadolint.yaml, pragmas), severities resolved, messages in the user's
// language, a docs link, and an "ignore here" quick fix on every problem.
import { LintFix, LintOptions, LintProblem, LintSeverity } from '../../shared/lintProtocol';
import { docsUrl, formatMessage, languageOf, ruleInfo } from './catalog/ruleCatalog';
import { localizedFixTitle } from './catalog/fixTitles';
import { RuleInfo } from './catalog/ruleInfo';
import { HadolintConfig } from './config/hadolintConfig';
import { LintContext, RawProblem } from './context/lintContext';
import { Pragmas } from './pragmas';
import { ShellcheckFinding } from './shellcheck/shellcheck';

/**
 * hadolint rules and BuildKit checks that are the same check: each fires by its own semantics, and where
 * both fire on one instruction the user gets one diagnostic (the hadolint one, answering to both ids).
 */
const TWINS: ReadonlyArray<[string, string]> = [
  ['DL4000', 'MaintainerDeprecated'], ['DL3000', 'WorkdirRelativePath'], ['DL3024', 'DuplicateStageName'],
  ['DL3063', 'ReservedStageName'], ['DL3025', 'JSONArgsRecommended'], ['DL3064', 'SecretsUsedInArgOrEnv'],
  ['DL3065', 'RedundantTargetPlatform'], ['DL3029', 'FromPlatformFlagConstDisallowed'],
  ['DL4003', 'MultipleInstructionsDisallowed'], ['DL4004', 'MultipleInstructionsDisallowed'],
  ['DL3012', 'MultipleInstructionsDisallowed'],
];
const BUILDKIT_TWINS = new Set(TWINS.map(([, buildkit]) => buildkit));

function isBuildkitId(id: string, info: RuleInfo): boolean {
  return (info.source === 'buildkit' && id === info.id) || BUILDKIT_TWINS.has(id);
}

/** `# check=skip=` silences BuildKit checks only; then twins on one instruction become one problem. */
function mergeTwins(raw: RawProblem[], pragmas: Pragmas): Array<RawProblem & { twinIds?: string[] }> {
  const skip = pragmas.checkSkip;
  const kept = raw.filter((p) => ruleInfo(p.ruleId)?.source !== 'buildkit' || (skip !== 'all' && !skip.has(p.ruleId)));
  const result: Array<RawProblem & { twinIds?: string[] }> = [];
  const dropped = new Set<RawProblem>();
  for (const problem of kept) {
    const twin = TWINS.find(([hadolint]) => hadolint === problem.ruleId)?.[1];
    const partner = twin ? kept.find((other) => other.ruleId === twin && other.anchorLine === problem.anchorLine && !dropped.has(other)) : undefined;
    if (partner) dropped.add(partner);
    result.push(partner ? { ...problem, twinIds: [twin as string, ...(ruleInfo(twin as string)?.aliases ?? [])] } : problem);
  }
  return result.filter((p) => !dropped.has(p));
}

export function finishProblems(context: LintContext, raw: RawProblem[], pragmas: Pragmas, config: HadolintConfig,
  options: LintOptions): LintProblem[] {
  const language = languageOf(options.locale);
  const ignored = new Set([...(options.ignored ?? []), ...config.ignored]);
  const settingsOverrides = options.severityOverrides ?? {};
  const seen = new Set<string>();
  const problems: LintProblem[] = [];
  for (const problem of mergeTwins(raw, pragmas)) {
    const info = ruleInfo(problem.ruleId);
    if (!info) continue;
    const ids = [...new Set([info.id, ...(info.aliases ?? []), ...(problem.twinIds ?? [])])];
    const key = `${info.id}@${problem.range.start.line}:${problem.range.start.character}-${problem.range.end.line}:${problem.range.end.character}`;
    if (seen.has(key) || silenced(ids, info, problem.anchorLine, pragmas, ignored)) continue;
    seen.add(key);
    const severity = resolveSeverity(ids, info, problem, pragmas, config, settingsOverrides, options.utilsCheckSeverities ?? {});
    if (severity === 'off') continue;
    const shellcheck = problem as Partial<ShellcheckFinding>;
    problems.push({
      ruleId: info.id,
      source: info.source,
      severity,
      message: shellcheck.message ?? formatMessage(info, problem.details, language),
      range: problem.range,
      aliases: ids.length > 1 ? ids.slice(1) : undefined,
      fixes: [
        ...(problem.fixes ?? []).map((fix) => ({ ...fix, title: localizedFixTitle(fix.title, language) })),
        ignoreHereFix(context, info.id, problem.anchorLine, language),
      ],
      docsUrl: docsUrl(info, language, options.docsBaseUri),
    });
  }
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function silenced(ids: string[], _info: RuleInfo, anchorLine: number, pragmas: Pragmas, ignored: Set<string>): boolean {
  const here = pragmas.ignoredAt.get(anchorLine);
  if (ids.some((id) => ignored.has(id) || pragmas.globalIgnored.has(id) || here?.has(id))) return true;
  // `# dockerfile-utils: ignore` silences problems that dockerfile-utils also reports (they have its id).
  const sharedWithUtils = ids.some((id) => /^[a-z]/.test(id));
  return sharedWithUtils && pragmas.dockerfileUtilsIgnored.has(anchorLine);
}

function resolveSeverity(ids: string[], info: RuleInfo, problem: RawProblem, pragmas: Pragmas, config: HadolintConfig,
  settingsOverrides: Record<string, LintSeverity | 'off'>, utilsSeverities: Record<string, LintSeverity | 'off'>): LintSeverity | 'off' {
  for (const id of ids) if (settingsOverrides[id]) return settingsOverrides[id];
  for (const id of ids) if (config.override[id]) return config.override[id];
  // The dockerfile-utils setting for the same problem (`deprecatedMaintainer` for DL4000) decides next.
  for (const id of ids) if (utilsSeverities[id]) return utilsSeverities[id];
  const shellcheckLevel = (problem as Partial<ShellcheckFinding>).severity;
  if (shellcheckLevel) return shellcheckLevel;
  if (info.severity !== 'off' && pragmas.checkError && ids.some((id) => isBuildkitId(id, info))) return 'error';
  return info.severity;
}

/** Adds the id to a `# hadolint ignore=` line right above the instruction, or inserts one. */
function ignoreHereFix(context: LintContext, id: string, anchorLine: number, language: 'en' | 'zh-cn'): LintFix {
  const title = language === 'zh-cn' ? `在此处忽略 ${id}` : `Ignore ${id} for this instruction`;
  const lineText = (line: number): string =>
    context.document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$/, '');
  if (anchorLine > 0) {
    const above = lineText(anchorLine - 1);
    const match = /^(\s*#\s*hadolint\s+ignore\s*=\s*[\w,\s-]*?)\s*$/i.exec(above);
    if (match) {
      const end = { line: anchorLine - 1, character: match[1].length };
      return { title, edits: [{ range: { start: end, end }, newText: `,${id}` }] };
    }
  }
  const indent = /^\s*/.exec(lineText(anchorLine))?.[0] ?? '';
  const start = { line: anchorLine, character: 0 };
  return { title, edits: [{ range: { start, end: start }, newText: `${indent}# hadolint ignore=${id}\n` }] };
}
