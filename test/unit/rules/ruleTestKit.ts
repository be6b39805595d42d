// Shared by the rule tests: lint a text without ShellCheck, and declare per-rule cases that must fire (with
// the 1-based line) and cases that must stay quiet.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { lintDockerfile } from '../../../src/server/rules';
import { LintEdit, LintOptions, LintProblem } from '../../../src/shared/lintProtocol';

export function lint(text: string, options: LintOptions = {}): LintProblem[] {
  const result = lintDockerfile(text, { shellcheckPath: null, ...options });
  assert.deepEqual(result.internalErrors, []);
  return result.problems;
}

/** 1-based lines where `id` fired. */
export function linesOf(problems: LintProblem[], id: string): number[] {
  return problems.filter((p) => p.ruleId === id).map((p) => p.range.start.line + 1);
}

export interface RuleCases {
  id: string;
  /** [Dockerfile, 1-based line the problem must be on]. */
  fire: Array<[string, number]>;
  quiet: string[];
  options?: LintOptions;
}

export function describeRules(title: string, table: RuleCases[]): void {
  describe(title, () => {
    for (const { id, fire, quiet, options } of table) {
      describe(id, () => {
        fire.forEach(([text, line], index) => {
          it(`fires (${index + 1}): ${firstRunLine(text)}`, () => {
            const problems = lint(text, options);
            assert.ok(linesOf(problems, id).includes(line),
              `${id} expected on line ${line}, got [${linesOf(problems, id).join(', ')}] in:\n${text}`);
          });
        });
        quiet.forEach((text, index) => {
          it(`stays quiet (${index + 1}): ${firstRunLine(text)}`, () => {
            assert.deepEqual(linesOf(lint(text, options), id), [], `${id} must not fire on:\n${text}`);
          });
        });
      });
    }
  });
}

function firstRunLine(text: string): string {
  const lines = text.split('\n');
  const interesting = lines.find((l) => !/^FROM [a-z]+:[\d.]+$/.test(l) && l.trim() !== '') ?? lines[0];
  return interesting.length > 70 ? `${interesting.slice(0, 67)}...` : interesting;
}

/** Applies edits (non-overlapping) to a text, the way an editor applies a quick fix. */
export function applyEdits(text: string, edits: LintEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  }
  return result;
}

/** The repository root, from the compiled test's folder (out/test/unit/rules). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

/** The shared corpus of real Dockerfiles beside the checkout, or undefined (with the reason) when absent. */
export function corpusDir(): string | undefined {
  // DOCKSIDE_SHARED_DIR points elsewhere when ../shared is not beside the checkout (a worktree, say).
  const shared = process.env.DOCKSIDE_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
  const dir = path.resolve(shared, 'corpus', 'dockerfiles');
  return existsSync(dir) ? dir : undefined;
}

/** [1-based lines where the rule must fire, exactly (empty: it must stay quiet), Dockerfile, options]. */
export type SpecCase = [number[], string, LintOptions?];

/**
 * Table-driven cases written from the behavioural specifications (../shared/docs/lint-semantics): each
 * case is its own test and pins the exact lines the rule reports on, so a finding too many fails too.
 */
export function describeSpec(id: string, cases: SpecCase[]): void {
  describe(id, () => {
    cases.forEach(([lines, text, options], index) => {
      const label = lines.length === 0 ? 'quiet' : `line ${lines.join(',')}`;
      it(`${index + 1}: ${label}: ${firstRunLine(text)}`, () => {
        // A hadolint rule and its BuildKit twin firing on one instruction are one problem answering to both.
        const found = lint(text, options).filter((p) => p.ruleId === id || p.aliases?.includes(id));
        assert.deepEqual(found.map((p) => p.range.start.line + 1), lines, `${id} on:\n${text}`);
      });
    });
  });
}
