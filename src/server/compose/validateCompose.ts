// The compose checks, shared by the compose language server and dockside-lint: YAML syntax, the compose
// specification (the project's model of it), then the semantic checks. Text in, problems out.
import * as l10n from '@vscode/l10n';
import type { LintProblem, LintSeverity } from '../../shared/lintProtocol';
import type { ComposeParseCache } from './composeChunks';
import { parseCompose, type ComposeDocument } from './composeDocument';
import type { ComposeFiles } from './composeFiles';
import type { ComposeFinding } from './composeFinding';
import { specRoot } from './composeModel';
import { checkAgainstSpec } from './schemaCheck';
import { checkSemantics } from './semanticChecks';

export interface ComposeLintRequest {
  text: string;
  /** The files beside the compose file; without it, checks that need files (Dockerfile, env file) are skipped. */
  files?: ComposeFiles;
  /** Where docs/compose lives, for each problem's documentation link. */
  docsBaseUri?: string;
  ignored?: readonly string[];
  severityOverrides?: Readonly<Record<string, LintSeverity | 'off'>>;
  /** The document's parse cache: the next version re-parses only what changed (the language server keeps one per file). */
  cache?: ComposeParseCache;
}

export function findComposeProblems(doc: ComposeDocument, files?: ComposeFiles): ComposeFinding[] {
  const findings: ComposeFinding[] = doc.syntaxProblems.map((p) => ({ ...p, severity: 'error' as const }));
  // A file that does not parse would only add noise from half-read structure.
  if (findings.some((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'alias-limit')) return findings;
  if (!doc.root) {
    if (doc.text.trim() !== '') findings.push({ ruleId: 'wrong-type', severity: 'error', span: [0, Math.min(doc.text.length, 1)], message: l10n.t('A compose file is a mapping of top-level keys such as services.') });
    return findings;
  }
  if (doc.root.kind !== 'map') {
    findings.push({ ruleId: 'wrong-type', severity: 'error', span: doc.root.span, message: l10n.t('A compose file is a mapping of top-level keys such as services.') });
    return findings;
  }
  checkAgainstSpec(doc.root, specRoot, doc.root.span, findings);
  checkSemantics(doc, files, findings);
  return dedupe(findings);
}

/** Problems of a compose file as the editor and dockside-lint report them, in file order. */
export function lintCompose(request: ComposeLintRequest): LintProblem[] {
  const doc = parseCompose(request.text, request.cache);
  return toLintProblems(doc, findComposeProblems(doc, request.files), request);
}

export function toLintProblems(doc: ComposeDocument, findings: readonly ComposeFinding[], request: Omit<ComposeLintRequest, 'text' | 'files' | 'cache'>): LintProblem[] {
  const ignored = new Set(request.ignored ?? []);
  const problems: LintProblem[] = [];
  for (const finding of findings) {
    if (ignored.has(finding.ruleId)) continue;
    const override = request.severityOverrides?.[finding.ruleId];
    if (override === 'off') continue;
    problems.push({
      ruleId: finding.ruleId,
      source: 'compose-spec',
      severity: override ?? finding.severity,
      message: finding.message,
      range: doc.range(finding.span),
      docsUrl: `${request.docsBaseUri ?? 'docs/compose'}/rules.md#${finding.ruleId}`,
    });
  }
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** An alias validated where it is used repeats its anchor's problems: keep each once. */
function dedupe(findings: ComposeFinding[]): ComposeFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.span[0]}:${f.span[1]}:${f.ruleId}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
