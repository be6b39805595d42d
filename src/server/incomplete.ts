// The one diagnostic that says part of a Dockerfile's analysis failed (a parser's stack overflow, a rule's
// bug, ShellCheck timing out, a request over its time budget): the findings shown are what was computed.
import * as l10n from '@vscode/l10n';
import type { LintProblem } from '../shared/lintProtocol';

export const incompleteRuleId = 'analysisIncomplete';
export type AnalysisPart = 'syntax' | 'rules' | 'shellcheck' | 'time';

function partName(part: AnalysisPart): string {
  switch (part) {
    case 'syntax': return l10n.t('the syntax checks failed');
    case 'rules': return l10n.t('a best-practice rule failed');
    case 'shellcheck': return l10n.t('ShellCheck did not finish');
    case 'time': return l10n.t('it took too long and was stopped');
  }
}

/** A warning on the first line naming what is missing. */
export function incompleteProblem(parts: readonly AnalysisPart[], firstLine: string): LintProblem {
  const reasons = [...new Set(parts)].map(partName).join(l10n.t(', '));
  return {
    ruleId: incompleteRuleId,
    source: 'dockside',
    severity: 'warning',
    message: l10n.t('Analysis of this Dockerfile is incomplete: {0}. The findings shown are the ones that could be computed; the Dockside log has the details.', reasons),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
  };
}
