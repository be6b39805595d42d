import { LintProblem, LintSeverity } from '../../../shared/lintProtocol';

/** What every rule declares about itself; messages exist in both languages the extension ships. */
export interface RuleInfo {
  id: string;
  source: LintProblem['source'];
  /** 'off' rules run only when a configuration gives them a severity. */
  severity: LintSeverity | 'off';
  en: string;
  zh: string;
  /** Ids of other rule sets that mean the same thing (BuildKit names, dockerfile-utils setting names). */
  aliases?: string[];
  /** The docs page (docs/rules/<lang>/<page>.md) that explains the rule under an anchor of its id. */
  page: 'hadolint' | 'buildkit' | 'shellcheck' | 'dockside';
}
