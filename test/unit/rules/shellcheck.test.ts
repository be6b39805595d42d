// ShellCheck on RUN bodies: mapped to the Dockerfile's line and column, silenced like any rule, and off
// cleanly when the binary is absent or disabled.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { runRulesAsync } from '../../../src/server/rules';
import { lintDockerfile } from '../../../src/server/rules';
import { LintProblem } from '../../../src/shared/lintProtocol';

const SHELLCHECK = ['/usr/bin/shellcheck', '/usr/local/bin/shellcheck'].find((p) => existsSync(p));

describe('ShellCheck', function () {
  this.timeout(30_000);
  const text = 'FROM debian:12.5\nRUN true; \\\n    echo $1 \\\n    && cd /tmp; \\\n    make\n';

  it('maps findings to the Dockerfile line and column', function () {
    if (!SHELLCHECK) {
      console.log('    shellcheck not installed (apt-get install shellcheck): skipped');
      this.skip();
    }
    const problems = lintDockerfile(text, { shellcheckPath: SHELLCHECK }).problems.filter((p) => p.source === 'shellcheck');
    const sc2086 = problems.find((p) => p.ruleId === 'SC2086');
    assert.deepEqual(sc2086?.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 11 } });
    assert.equal(sc2086?.severity, 'info');
    const sc2164 = problems.find((p) => p.ruleId === 'SC2164');
    assert.equal(sc2164?.range.start.line, 3);
    assert.equal(sc2164?.range.start.character, 7);
    assert.equal(sc2164?.docsUrl, 'docs/rules/en/shellcheck.md#sc2164');
  });

  it('honours # hadolint ignore=SCxxxx and the async entry point gives the same answer', async function () {
    if (!SHELLCHECK) this.skip();
    const silenced = lintDockerfile(`FROM debian:12.5\n# hadolint ignore=SC2086\nRUN echo $1`, { shellcheckPath: SHELLCHECK });
    assert.equal(silenced.problems.some((p) => p.ruleId === 'SC2086'), false);
    const asyncProblems = await runRulesAsync(text, { shellcheckPath: SHELLCHECK });
    assert.deepEqual(asyncProblems.map((p) => p.ruleId), lintDockerfile(text, { shellcheckPath: SHELLCHECK }).problems.map((p) => p.ruleId));
  });

  it('checks bash syntax as bash when the Dockerfile says so', function () {
    if (!SHELLCHECK) this.skip();
    const script = 'RUN [[ -n "$HOME" ]] && echo ok';
    const asSh: LintProblem[] = lintDockerfile(`FROM debian:12.5\n${script}`, { shellcheckPath: SHELLCHECK }).problems;
    assert.ok(asSh.some((p) => p.ruleId === 'SC3010'), 'sh: [[ ]] is not POSIX');
    for (const header of ['# hadolint shell=bash\nFROM debian:12.5', 'FROM debian:12.5\nSHELL ["/bin/bash", "-c"]']) {
      const asBash: LintProblem[] = lintDockerfile(`${header}\n${script}`, { shellcheckPath: SHELLCHECK }).problems;
      assert.equal(asBash.some((p) => p.ruleId === 'SC3010'), false, header);
    }
  });

  it('does not run ShellCheck on non-POSIX shells', function () {
    if (!SHELLCHECK) this.skip();
    const problems = lintDockerfile('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN echo $env:PATH',
      { shellcheckPath: SHELLCHECK }).problems;
    assert.equal(problems.some((p) => p.source === 'shellcheck'), false);
  });

  it('is off cleanly when disabled or when the binary does not exist', () => {
    assert.equal(lintDockerfile(text, { shellcheckPath: null }).problems.some((p) => p.source === 'shellcheck'), false);
    const missing = lintDockerfile(text, { shellcheckPath: '/nonexistent/shellcheck' });
    assert.deepEqual(missing.internalErrors, []);
    assert.equal(missing.problems.some((p) => p.source === 'shellcheck'), false);
    assert.ok(missing.problems.some((p) => p.ruleId === 'DL3003'));
  });
});

describe('ShellCheck input and mapping', function () {
  this.timeout(30_000);
  const sc = (text: string) => lintDockerfile(text, { shellcheckPath: SHELLCHECK }).problems.filter((p) => p.source === 'shellcheck');
  const at = (problem: LintProblem | undefined) => problem && [problem.range.start.line, problem.range.start.character, problem.range.end.character];
  before(function () {
    if (!SHELLCHECK) this.skip();
  });

  it('maps columns after tabs exactly (json1 counts a tab as one column)', () => {
    const problems = sc('FROM debian:12.5\nRUN true; \\\n\t\techo $1; \\\n\tcd /tmp; \\\n\tmake\n');
    assert.deepEqual(at(problems.find((p) => p.ruleId === 'SC2086')), [2, 7, 9]);
    assert.deepEqual(at(problems.find((p) => p.ruleId === 'SC2164')), [3, 1, 8]);
  });

  it('maps findings in CRLF files, in heredocs and on continuation lines', () => {
    const crlf = sc('FROM debian:12.5\r\nRUN true && \\\r\n    echo $1\r\n');
    assert.deepEqual(at(crlf.find((p) => p.ruleId === 'SC2086')), [2, 9, 11]);
    assert.equal(crlf.some((p) => p.ruleId === 'SC1017'), false, 'carriage returns are not part of the script');
    const heredoc = sc('FROM debian:12.5\nRUN <<EOF\nset -e\n\techo $1\nEOF\n');
    assert.deepEqual(at(heredoc.find((p) => p.ruleId === 'SC2086')), [3, 6, 8]);
  });

  it('knows the ARG and ENV names of the stage, and of the stage it is built on, as hadolint does', () => {
    const text = 'FROM debian:12.5 AS base\nARG VERSION\nENV HOME_DIR=/x\nRUN echo $VERSION $HOME_DIR $OTHER\n' +
      'FROM base\nRUN echo $VERSION\nFROM debian:12.5\nRUN echo $VERSION\n';
    const sc2086 = sc(text).filter((p) => p.ruleId === 'SC2086').map((p) => [p.range.start.line, p.range.start.character]);
    // $OTHER is unknown; $VERSION is known in base and in the stage built FROM base, not in the unrelated one.
    assert.deepEqual(sc2086, [[3, 28], [7, 9]]);
  });

  it('checks each stage in the dialect of its own SHELL, all in one run', () => {
    const text = 'FROM debian:12.5 AS one\nSHELL ["/bin/bash", "-c"]\nRUN [[ -n "$HOME" ]] && echo ok\nFROM debian:12.5\nRUN [[ -n "$HOME" ]] && echo ok\n';
    assert.deepEqual(sc(text).filter((p) => p.ruleId === 'SC3010').map((p) => p.range.start.line), [4]);
  });
});
