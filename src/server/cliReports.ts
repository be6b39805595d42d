// The output formats of dockside-lint. Lines and columns are 1-based in every format, as editors, CI logs
// and code-scanning tools expect; the problems themselves stay 0-based like LSP.
import * as l10n from '@vscode/l10n';
import type { LintSeverity } from '../shared/lintProtocol';
import type { PipelineProblem } from './validate';

export interface FileReport {
  /** As the user named it (relative paths stay relative), or `-` for standard input. */
  file: string;
  problems: PipelineProblem[];
}

export const reportFormats = ['tty', 'json', 'sarif', 'gnu'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const ansi = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', style: '\x1b[90m', dim: '\x1b[2m', reset: '\x1b[0m' };

export function formatTty(reports: readonly FileReport[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `${code}${text}${ansi.reset}` : text);
  const lines: string[] = [];
  const counts: Record<LintSeverity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const { file, problems } of reports) {
    for (const problem of problems) {
      counts[problem.severity]++;
      const where = `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}`;
      lines.push(
        `${where} ${paint(ansi[problem.severity], problem.severity)} ${problem.ruleId} ${problem.message} ${paint(ansi.dim, `[${problem.source}]`)}`,
      );
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.style;
  lines.push(
    total === 0
      ? l10n.t('No problems found.')
      : l10n.t('{0} problems ({1} errors, {2} warnings, {3} info, {4} style)', total, counts.error, counts.warning, counts.info, counts.style),
  );
  return lines.join('\n') + '\n';
}

/** One line per problem, the GNU `file:line:column: severity: message` shape editors and CI logs parse. */
export function formatGnu(reports: readonly FileReport[]): string {
  const lines = reports.flatMap(({ file, problems }) =>
    problems.map(
      (problem) =>
        `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.severity}: ${problem.message} [${problem.ruleId}]`,
    ),
  );
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/** hadolint's JSON fields (code, column, file, level, line, message) plus the end and the rule's source. */
export function formatJson(reports: readonly FileReport[]): string {
  const entries = reports.flatMap(({ file, problems }) =>
    problems.map((problem) => ({
      file,
      line: problem.range.start.line + 1,
      column: problem.range.start.character + 1,
      endLine: problem.range.end.line + 1,
      endColumn: problem.range.end.character + 1,
      level: problem.severity,
      code: problem.ruleId,
      source: problem.source,
      message: problem.message,
      ...(problem.docsUrl ? { docsUrl: problem.docsUrl } : {}),
    })),
  );
  return JSON.stringify(entries, null, 2) + '\n';
}
