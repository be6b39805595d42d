// Each safe quick fix, applied to the text: the problem goes away and nothing else breaks.
import * as assert from 'node:assert/strict';
import { LintFix, LintProblem } from '../../../src/shared/lintProtocol';
import { applyEdits, lint, linesOf } from './ruleTestKit';

const D = 'FROM debian:12.5\n';

function fixOf(problems: LintProblem[], id: string, titlePart?: string): LintFix {
  const problem = problems.find((p) => p.ruleId === id);
  assert.ok(problem, `${id} should fire`);
  const fix = problem.fixes?.find((f) => !f.title.startsWith('Ignore') && (!titlePart || f.title.includes(titlePart)));
  assert.ok(fix, `${id} should offer a fix`);
  return fix;
}

function fixed(text: string, id: string): string {
  return applyEdits(text, fixOf(lint(text), id).edits);
}

describe('quick fixes', () => {
  const cases: Array<[string, string, string]> = [
    ['DL4000', `${D}MAINTAINER Jane <jane@example.com>`, `${D}LABEL maintainer="Jane <jane@example.com>"`],
    ['DL3014', `${D}RUN apt-get install --no-install-recommends curl=1 && rm -rf /var/lib/apt/lists/*`,
      `${D}RUN apt-get install -y --no-install-recommends curl=1 && rm -rf /var/lib/apt/lists/*`],
    ['DL3015', `${D}RUN apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*`,
      `${D}RUN apt-get install --no-install-recommends -y curl=1 && rm -rf /var/lib/apt/lists/*`],
    ['DL3009', `${D}RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=1`,
      `${D}RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=1 \\\n    && rm -rf /var/lib/apt/lists/*`],
    ['DL3019', 'FROM alpine:3.20\nRUN apk add curl=8', 'FROM alpine:3.20\nRUN apk add --no-cache curl=8'],
    ['DL3042', `${D}RUN pip install flask==3.0`, `${D}RUN pip install --no-cache-dir flask==3.0`],
    ['DL3025', `${D}CMD node server.js --port 80`, `${D}CMD ["node", "server.js", "--port", "80"]`],
    ['DL3020', `${D}ADD app.py /app/`, `${D}COPY app.py /app/`],
    ['ConsistentInstructionCasing', `${D}run echo hi`, `${D}RUN echo hi`],
    ['DL4006', `${D}RUN curl -fsSL https://x.example/k | tar -xz`,
      `${D}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x.example/k | tar -xz`],
    ['LegacyKeyValueFormat', `${D}ENV DEBUG 1`, `${D}ENV DEBUG=1`],
    ['FromAsCasing', 'FROM debian:12.5 as build', 'FROM debian:12.5 AS build'],
    ['DL3065', 'FROM --platform=$TARGETPLATFORM debian:12.5', 'FROM debian:12.5'],
    ['NoEmptyContinuation', `${D}RUN echo a \\\n\n    && echo b`, `${D}RUN echo a \\\n    && echo b`],
    ['ExposeProtoCasing', `${D}EXPOSE 80/TCP`, `${D}EXPOSE 80/tcp`],
  ];
  for (const [id, before, after] of cases) {
    it(`${id}: fixes the text and the problem is gone`, () => {
      const result = fixed(before, id);
      assert.equal(result, after);
      assert.deepEqual(linesOf(lint(result), id), []);
    });
  }

  it('titles every fix in Chinese when the locale is Chinese', () => {
    for (const [, before] of cases) {
      for (const problem of lint(before, { locale: 'zh-cn' })) {
        for (const fix of problem.fixes ?? []) assert.match(fix.title, /[\u4e00-\u9fff]/, `${problem.ruleId}: ${fix.title}`);
      }
    }
  });

  it('does not offer the JSON-form fix when the shell is needed', () => {
    for (const text of [`${D}CMD node app.js > /log`, `${D}CMD echo $HOME`, `${D}CMD a && b`, `${D}CMD ls *.txt`]) {
      const problem = lint(text).find((p) => p.ruleId === 'DL3025');
      assert.ok(problem);
      assert.deepEqual(problem.fixes?.filter((f) => !f.title.startsWith('Ignore')), []);
    }
  });

  it('every problem offers "ignore here", which silences it', () => {
    const text = `${D}RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*`;
    const problem = lint(text).find((p) => p.ruleId === 'DL3008');
    const ignore = problem?.fixes?.find((f) => f.title === 'Ignore DL3008 for this instruction');
    assert.ok(ignore);
    const once = applyEdits(text, ignore.edits);
    assert.equal(once, `${D}# hadolint ignore=DL3008\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*`);
    assert.deepEqual(linesOf(lint(once), 'DL3008'), []);
  });

  it('"ignore here" extends an existing pragma line', () => {
    const text = `${D}# hadolint ignore=DL3008\nRUN apt-get install curl=1 && rm -rf /var/lib/apt/lists/*`;
    const problem = lint(text).find((p) => p.ruleId === 'DL3014');
    const ignore = problem?.fixes?.find((f) => f.title.startsWith('Ignore'));
    assert.ok(ignore);
    assert.equal(applyEdits(text, ignore.edits).split('\n')[1], '# hadolint ignore=DL3008,DL3014');
  });
});
