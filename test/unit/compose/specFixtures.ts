// The project's compose files with one defect each (or none): test/fixtures/compose/spec.
import * as path from 'node:path';

export const specFixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'compose', 'spec');

/** The first line's verdict: `# expect: <rule id> <line>:<column>` or `# expect: valid`. */
export function fixtureExpectation(text: string): { rule: string; line?: number; column?: number } {
  const m = /^# expect: (\S+)(?: (\d+):(\d+))?/.exec(text);
  if (!m) throw new Error('fixture without an expectation line');
  return { rule: m[1], line: m[2] ? Number(m[2]) : undefined, column: m[3] ? Number(m[3]) : undefined };
}
