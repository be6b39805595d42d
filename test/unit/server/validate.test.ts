// The validation pipeline from strings: dockerfile-utils' checks under our ids, their settings, pragmas,
// and the merge that keeps one diagnostic where hadolint/BuildKit and dockerfile-utils overlap.
import * as assert from 'node:assert/strict';
import type { LintProblem } from '../../../src/shared/lintProtocol';
import { readPragmas } from '../../../src/server/pragmas';
import { defaultSettings, readSettings } from '../../../src/server/settings';
import type { UtilsProblem } from '../../../src/server/utilsProblems';
import { existsSync } from 'node:fs';
import { analyseDockerfile, lintDockerfile, lintDockerfileAsync, mergeProblems, type PipelineProblem } from '../../../src/server/validate';

const fromUtils = (problems: PipelineProblem[]) => problems.filter((problem) => problem.source === 'dockerfile-utils');
const brief = (problems: PipelineProblem[]) => problems.map((p) => `${p.range.start.line}:${p.ruleId}:${p.severity}`);

/** dockerfile-utils alone: the rule engine off, so these assertions do not depend on its rules. */
function lint(text: string, raw: { validation?: object; lint?: object } = {}) {
  return lintDockerfile({ text, settings: readSettings({ ...raw, lint: { ...raw.lint, enable: false } }) });
}

function range(line: number, from = 0, to = 4) {
  return { start: { line, character: from }, end: { line, character: to } };
}

function utilsProblem(ruleId: string, line: number, aliases: string[]): UtilsProblem {
  return { ruleId, aliases, source: 'dockerfile-utils', severity: 'warning', message: ruleId, range: range(line), utilsCode: 0 };
}

function ruleProblem(ruleId: string, line: number, source: LintProblem['source'] = 'hadolint'): LintProblem {
  return { ruleId, source, severity: 'error', message: ruleId, range: range(line) };
}

function merge(text: string, syntaxProblems: UtilsProblem[], ruleProblems: LintProblem[], ignored: string[] = []) {
  const pragmas = readPragmas(text.split('\n'));
  return mergeProblems({ syntaxProblems, ruleProblems, pragmas, ignored: new Set(ignored), severityOverrides: {} });
}

describe('validation pipeline', () => {
  it('names dockerfile-utils problems with ids users can put in settings', () => {
    const problems = fromUtils(lint('FROM alpine:3.20\nfoo bar\nWORKDIR app\nCMD a\nCMD b\nENTRYPOINT a\nENTRYPOINT b\n'));
    assert.deepEqual(brief(problems), [
      '1:unknownInstruction:error',
      '2:instructionWorkdirRelative:error',
      '3:instructionCmdMultiple:warning',
      '5:instructionEntrypointMultiple:error',
    ]);
    assert.equal(problems[0].message, 'Unknown instruction: FOO');
    assert.deepEqual(problems[1].aliases, ['DL3000', 'WorkdirRelativePath']);
  });

  it('applies the nine checks from settings: ignore, warning, error', () => {
    const text = 'from alpine:3.20\nWORKDIR app\n';
    // Defaults follow hadolint's severity for the same problem (DL3000 is an error).
    assert.deepEqual(brief(fromUtils(lint(text))), ['0:instructionCasing:warning', '1:instructionWorkdirRelative:error']);
    const tuned = { validation: { instructionCasing: 'ignore', instructionWorkdirRelative: 'warning' } };
    assert.deepEqual(brief(fromUtils(lint(text, tuned))), ['1:instructionWorkdirRelative:warning']);
  });

  it('turns dockerfile-utils off with validation.enable', () => {
    assert.deepEqual(fromUtils(lint('foo bar\n', { validation: { enable: false } })), []);
  });

  it('reports MAINTAINER once, whichever engine reports it', () => {
    const problems = lintDockerfile({ text: 'FROM alpine:3.20\nMAINTAINER someone@example.com\n', settings: defaultSettings() });
    const maintainerIds = new Set(['deprecatedMaintainer', 'DL4000', 'MaintainerDeprecated']);
    const onLine = problems.filter((p) => p.range.start.line === 1 && [p.ruleId, ...(p.aliases ?? [])].some((id) => maintainerIds.has(id)));
    assert.equal(onLine.length, 1, JSON.stringify(problems));
  });

  it('lets hadolint and BuildKit ids silence dockerfile-utils problems in settings and pragmas', () => {
    const text = 'FROM alpine:3.20\nWORKDIR app\n';
    assert.deepEqual(fromUtils(lint(text, { lint: { ignoredRules: ['DL3000'] } })), []);
    // A pragma above FROM concerns FROM only.
    assert.deepEqual(brief(fromUtils(lint(`# hadolint ignore=DL3000\n${text}`))), ['2:instructionWorkdirRelative:error']);
    assert.deepEqual(brief(fromUtils(lint('FROM alpine:3.20\n# hadolint ignore=DL3000\nWORKDIR app\n'))), []);
    assert.deepEqual(brief(fromUtils(lint('# check=skip=WorkdirRelativePath\nFROM alpine:3.20\nWORKDIR app\n'))), []);
    assert.deepEqual(brief(fromUtils(lint('FROM alpine:3.20\n# hadolint global ignore=WorkdirRelativePath\nWORKDIR app\nWORKDIR b\n'))), []);
  });

  it('applies severity overrides named by any id of a problem', () => {
    const problems = lint('FROM alpine:3.20\nWORKDIR app\n', { lint: { severityOverrides: { WorkdirRelativePath: 'info' } } });
    assert.deepEqual(brief(fromUtils(problems)), ['1:instructionWorkdirRelative:info']);
    assert.deepEqual(fromUtils(lint('FROM alpine:3.20\nWORKDIR app\n', { lint: { severityOverrides: { DL3000: 'off' } } })), []);
  });
});

describe('diagnostics in two steps', () => {
  it('keeps the ShellCheck findings of unchanged RUN bodies in the fast step; only the edited body waits', async function () {
    if (!existsSync('/usr/bin/shellcheck')) this.skip();
    const settings = defaultSettings();
    const unique = `${process.pid}${Date.now()}`;
    const before = `FROM debian:12\nRUN cd /a${unique}\nRUN echo \`x${unique}\`\n`;
    await lintDockerfileAsync({ text: before, settings });
    const analysis = analyseDockerfile({ text: before.replace(`x${unique}`, `y${unique}`), settings });
    assert.ok(analysis.withShellcheck, 'the edited body needs ShellCheck');
    const found = (problems: PipelineProblem[]) =>
      problems.filter((p) => p.ruleId === 'SC2164' || p.ruleId === 'SC2006').map((p) => `${p.range.start.line}:${p.ruleId}`);
    assert.deepEqual(found(analysis.fast), ['1:SC2164']);
    assert.deepEqual(found(await analysis.withShellcheck()), ['1:SC2164', '2:SC2006']);
  });
});

describe('merging dockerfile-utils with the rule engine', () => {
  const text = 'FROM alpine:3.20\nWORKDIR app\nRUN a \\\n  && b\n';

  it('keeps the hadolint problem when both report the same thing on the same instruction', () => {
    const replaced = utilsProblem('instructionWorkdirRelative', 1, ['DL3000', 'WorkdirRelativePath']);
    const merged = merge(text, [replaced], [ruleProblem('DL3000', 1)]);
    assert.deepEqual(brief(merged), ['1:DL3000:error']);
    // The language service's quick fix for the replaced problem stays reachable from the one kept.
    assert.deepEqual(merged[0].utilsFixes, [{ code: replaced.utilsCode, range: replaced.range }]);
  });

  it('matches a problem on a continuation line with one at the instruction start', () => {
    const merged = merge(text, [utilsProblem('emptyContinuationLine', 3, ['NoEmptyContinuation'])], [ruleProblem('NoEmptyContinuation', 2, 'buildkit')]);
    assert.deepEqual(brief(merged), ['2:NoEmptyContinuation:error']);
  });

  it('keeps both when the ids differ or the instructions differ', () => {
    const merged = merge(text, [utilsProblem('instructionWorkdirRelative', 1, ['DL3000'])], [ruleProblem('DL3003', 1), ruleProblem('DL3000', 0)]);
    assert.deepEqual(brief(merged), ['0:DL3000:error', '1:DL3003:error', '1:instructionWorkdirRelative:warning']);
  });

  it('drops dockerfile-utils "more than one CMD" when hadolint marks another occurrence', () => {
    const cmds = 'FROM alpine:3.20\nCMD a\nCMD b\nENTRYPOINT a\nENTRYPOINT b\n';
    const merged = merge(
      cmds,
      [
        utilsProblem('instructionCmdMultiple', 1, ['DL4003', 'MultipleInstructionsDisallowed']),
        utilsProblem('instructionEntrypointMultiple', 3, ['DL4004', 'MultipleInstructionsDisallowed']),
      ],
      [ruleProblem('DL4003', 2), ruleProblem('MultipleInstructionsDisallowed', 1, 'buildkit')],
    );
    // The BuildKit id is shared by CMD and ENTRYPOINT problems, so it must not swallow the ENTRYPOINT one.
    assert.deepEqual(brief(merged), ['1:MultipleInstructionsDisallowed:error', '2:DL4003:error', '3:instructionEntrypointMultiple:warning']);
  });

  it('lets "# dockerfile-utils: ignore" silence the hadolint name of the same problem', () => {
    const ignored = 'FROM alpine:3.20\n# dockerfile-utils: ignore\nMAINTAINER me\nRUN cd /x\n';
    const merged = merge(ignored, [], [ruleProblem('DL4000', 2), ruleProblem('DL3003', 3)]);
    assert.deepEqual(brief(merged), ['3:DL3003:error']);
  });
});

describe('pragmas', () => {
  it('maps each line to the start of its instruction, honouring the escape directive', () => {
    const pragmas = readPragmas(['# escape=`', 'FROM alpine', 'RUN a `', '  # comment', '', '  b', 'CMD c \\', 'RUN d'].map(String));
    assert.deepEqual([...pragmas.instructionStartOf], [-1, 1, 2, 2, 2, 2, 6, 7]);
  });

  it('attaches hadolint ignores to the next instruction only', () => {
    const pragmas = readPragmas(['FROM alpine', '# hadolint ignore=DL3008, DL3015', '# another comment', 'RUN apt-get install x', 'RUN y']);
    assert.deepEqual([...(pragmas.byInstructionLine.get(3) ?? [])], ['DL3008', 'DL3015']);
    assert.equal(pragmas.byInstructionLine.has(4), false);
  });
});

describe('the pipeline with the rule engine on', () => {
  it('keeps hadolint ids where dockerfile-utils reports the same problem', () => {
    const problems = lintDockerfile({ text: 'FROM alpine:3.20\nWORKDIR app\nCMD a\nCMD b\n', settings: defaultSettings() });
    const ids = problems.map((p) => `${p.range.start.line}:${p.ruleId}`);
    // Whichever engine reports it, each problem is there exactly once.
    assert.equal(ids.filter((id) => ['1:instructionWorkdirRelative', '1:DL3000'].includes(id)).length, 1, ids.join());
    assert.equal(ids.filter((id) => /:(instructionCmdMultiple|DL4003)$/.test(id)).length, 1, ids.join());
  });
});
