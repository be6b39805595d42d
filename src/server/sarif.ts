// SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, Azure DevOps, ...): one run, the rules
// that fired listed once in the driver, each result pointing at its rule by id and index.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintSeverity } from '../shared/lintProtocol';
import type { FileReport } from './cliReports';

const sarifLevels: Record<LintSeverity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note',
};

export interface SarifTool {
  name: string;
  version?: string;
  informationUri?: string;
}

export function formatSarif(reports: readonly FileReport[], tool: SarifTool): string {
  const rules: { id: string; shortDescription: { text: string }; helpUri?: string; properties: { source: string } }[] = [];
  const ruleIndex = new Map<string, number>();
  const results = [];

  for (const { file, problems } of reports) {
    for (const problem of problems) {
      let index = ruleIndex.get(problem.ruleId);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(problem.ruleId, index);
        rules.push({
          id: problem.ruleId,
          // The engine gives messages, not rule titles: the first message is the best short description at hand.
          shortDescription: { text: problem.message },
          ...(problem.docsUrl ? { helpUri: problem.docsUrl } : {}),
          properties: { source: problem.source },
        });
      }
      results.push({
        ruleId: problem.ruleId,
        ruleIndex: index,
        level: sarifLevels[problem.severity],
        message: { text: problem.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(file),
              region: {
                startLine: problem.range.start.line + 1,
                startColumn: problem.range.start.character + 1,
                endLine: problem.range.end.line + 1,
                endColumn: problem.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { ...tool, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Relative paths become URI references against the source root, which is how code scanning maps them. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file === '-') return { uri: 'stdin' };
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodeURI(file.replace(/\\/g, '/').replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' };
}
