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

// BuildKit names that are aliases of hadolint rules: `# check=skip=` and `error=true` apply to them too.
const BUILDKIT_ALIASES = new Set(['MaintainerDeprecated', 'WorkdirRelativePath', 'MultipleInstructionsDisallowed',
  'DuplicateStageName', 'ReservedStageName', 'JSONArgsRecommended', 'RedundantTargetPlatform', 'SecretsUsedInArgOrEnv',
  'FromPlatformFlagConstDisallowed']);

function isBuildkitId(id: string, info: RuleInfo): boolean {
  return (info.source === 'buildkit' && id === info.id) || BUILDKIT_ALIASES.has(id);
}

export function finishProblems(context: LintContext, raw: RawProblem[], pragmas: Pragmas, config: HadolintConfig,
  options: LintOptions): LintProblem[] {
  const language = languageOf(options.locale);
  const ignored = new Set([...(options.ignored ?? []), ...config.ignored]);
  const settingsOverrides = options.severityOverrides ?? {};
  const seen = new Set<string>();
  const problems: LintProblem[] = [];
  for (const problem of raw) {
    const info = ruleInfo(problem.ruleId);
    if (!info) continue;
    const ids = [info.id, ...(info.aliases ?? [])];
    const key = `${info.id}@${problem.range.start.line}:${problem.range.start.character}-${problem.range.end.line}:${problem.range.end.character}`;
    if (seen.has(key) || silenced(ids, info, problem.anchorLine, pragmas, ignored)) continue;
    seen.add(key);
    const severity = resolveSeverity(ids, info, problem, pragmas, config, settingsOverrides);
    if (severity === 'off') continue;
    const shellcheck = problem as Partial<ShellcheckFinding>;
    problems.push({
      ruleId: info.id,
      source: info.source,
      severity,
      message: shellcheck.message ?? formatMessage(info, problem.details, language),
      range: problem.range,
      aliases: info.aliases ? [...info.aliases] : undefined,
      fixes: [
        ...(problem.fixes ?? []).map((fix) => ({ ...fix, title: localizedFixTitle(fix.title, language) })),
        ignoreHereFix(context, info.id, problem.anchorLine, language),
      ],
      docsUrl: docsUrl(info, language, options.docsBaseUri),
    });
  }
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function silenced(ids: string[], info: RuleInfo, anchorLine: number, pragmas: Pragmas, ignored: Set<string>): boolean {
  const here = pragmas.ignoredAt.get(anchorLine);
  if (ids.some((id) => ignored.has(id) || pragmas.globalIgnored.has(id) || here?.has(id))) return true;
  const buildkitIds = ids.filter((id) => isBuildkitId(id, info));
  if (buildkitIds.length > 0 && (pragmas.checkSkip === 'all' || buildkitIds.some((id) => (pragmas.checkSkip as Set<string>).has(id)))) {
    return true;
  }
  // `# dockerfile-utils: ignore` silences problems that dockerfile-utils also reports (they have its id).
  const sharedWithUtils = ids.some((id) => /^[a-z]/.test(id));
  return sharedWithUtils && pragmas.dockerfileUtilsIgnored.has(anchorLine);
}

function resolveSeverity(ids: string[], info: RuleInfo, problem: RawProblem, pragmas: Pragmas, config: HadolintConfig,
  settingsOverrides: Record<string, LintSeverity | 'off'>): LintSeverity | 'off' {
  for (const id of ids) if (settingsOverrides[id]) return settingsOverrides[id];
  for (const id of ids) if (config.override[id]) return config.override[id];
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
