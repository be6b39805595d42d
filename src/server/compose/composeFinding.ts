// A problem found in a compose file, on a span of its text (offsets); turned into LSP ranges at the edge.
import type { LintSeverity } from '../../shared/lintProtocol';
import type { Span } from './composeDocument';

export interface ComposeFinding {
  /** One of the ids in composeRules.ts (docs/compose lists them). */
  readonly ruleId: string;
  readonly severity: LintSeverity;
  readonly span: Span;
  readonly message: string;
}
