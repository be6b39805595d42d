// Pragmas, .hadolint.yaml, severity settings, overlap folding, messages in both languages and docs links.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lint, linesOf } from './ruleTestKit';

const D = 'FROM debian:12.5\n';

describe('pragmas', () => {
  it('# hadolint ignore= silences the next instruction only', () => {
    const problems = lint(`${D}# hadolint ignore=DL3000\nWORKDIR app\nWORKDIR lib`);
    assert.deepEqual(linesOf(problems, 'DL3000'), [4]);
  });

  it('# hadolint ignore= takes several ids and tolerates spaces', () => {
    const problems = lint(`${D}# hadolint ignore=DL3008, DL3015\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*`);
    assert.deepEqual([...linesOf(problems, 'DL3008'), ...linesOf(problems, 'DL3015')], []);
  });

  it('# hadolint global ignore= silences the whole file', () => {
    const problems = lint(`# hadolint global ignore=DL3000\n${D}WORKDIR app\nWORKDIR lib`);
    assert.deepEqual(linesOf(problems, 'DL3000'), []);
  });

  it('a merged problem is silenced by any of its ids; # check=skip= removes only the BuildKit half', () => {
    assert.deepEqual(linesOf(lint(`${D}# hadolint ignore=WorkdirRelativePath\nWORKDIR app`), 'DL3000'), []);
    const skipped = lint(`# check=skip=WorkdirRelativePath\n${D}WORKDIR app`);
    assert.deepEqual(linesOf(skipped, 'DL3000'), [3]);
    assert.deepEqual(skipped.find((p) => p.ruleId === 'DL3000')?.aliases, ['instructionWorkdirRelative']);
    assert.deepEqual(linesOf(lint(`${D}# dockerfile-utils: ignore\nWORKDIR app`), 'DL3000'), []);
    assert.deepEqual(linesOf(lint(`${D}WORKDIR app`, { ignored: ['instructionWorkdirRelative'] }), 'DL3000'), []);
  });

  it('reports a folded problem once, with its other names as aliases', () => {
    const problems = lint(`${D}MAINTAINER me`).filter((p) => p.range.start.line === 1);
    assert.equal(problems.filter((p) => p.ruleId === 'DL4000' || p.ruleId === 'MaintainerDeprecated').length, 1);
    assert.deepEqual(problems.find((p) => p.ruleId === 'DL4000')?.aliases, ['deprecatedMaintainer', 'MaintainerDeprecated']);
  });

  it('# check=skip=all skips BuildKit checks but not hadolint-only rules', () => {
    const problems = lint(`# check=skip=all\n${D}ENV A 1\nRUN sudo make`);
    assert.deepEqual(linesOf(problems, 'LegacyKeyValueFormat'), []);
    assert.deepEqual(linesOf(problems, 'DL3004'), [4]);
  });

  it('# check=error=true turns BuildKit checks into errors', () => {
    const problem = lint(`# check=error=true\n${D}ENV A 1`).find((p) => p.ruleId === 'LegacyKeyValueFormat');
    assert.equal(problem?.severity, 'error');
  });

  it('# hadolint shell=powershell changes only ShellCheck\'s shell: DL rules still run, as in hadolint', () => {
    assert.deepEqual(linesOf(lint(`# hadolint shell=powershell\n${D}RUN sudo apt-get install curl`), 'DL3004'), [3]);
  });

  it('DL1001 (off by default) reports inline pragmas when enabled', () => {
    const text = `${D}# hadolint ignore=DL3000\nWORKDIR app`;
    assert.deepEqual(linesOf(lint(text), 'DL1001'), []);
    assert.deepEqual(linesOf(lint(text, { severityOverrides: { DL1001: 'info' } }), 'DL1001'), [2]);
  });
});

describe('.hadolint.yaml and settings', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dockside-hadolint-'));
  const project = path.join(root, 'project', 'service');
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(root, 'project', '.hadolint.yaml'), [
    'ignored: [DL3059]',
    'override:',
    '  error: [DL3003]',
    '  style: [DL3008]',
    'trustedRegistries: [registry.example.com]',
    'label-schema:',
    '  org.opencontainers.image.source: url',
    '  org.opencontainers.image.version: semver',
    'strict-labels: true',
    'failure-threshold: warning',
  ].join('\n'));
  const filePath = path.join(project, 'Dockerfile');

  it('is found in a parent folder and applies ignored and override', () => {
    const problems = lint(`FROM registry.example.com/debian:12.5\nRUN cd /x && make\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*`, { filePath });
    assert.deepEqual(linesOf(problems, 'DL3059'), []);
    assert.equal(problems.find((p) => p.ruleId === 'DL3003')?.severity, 'error');
    assert.equal(problems.find((p) => p.ruleId === 'DL3008')?.severity, 'style');
  });

  it('applies trustedRegistries', () => {
    assert.deepEqual(linesOf(lint(`FROM debian:12.5`, { filePath }), 'DL3026'), [1]);
    assert.deepEqual(linesOf(lint(`FROM registry.example.com/debian:12.5`, { filePath }), 'DL3026'), []);
  });

  it('applies the label schema (DL3049 DL3050 DL3052 DL3056)', () => {
    const text = 'FROM registry.example.com/debian:12.5\nLABEL org.opencontainers.image.source=not-a-url\nLABEL org.opencontainers.image.version=1.2\nLABEL extra=x';
    const problems = lint(text, { filePath });
    assert.deepEqual(linesOf(problems, 'DL3052'), [2]);
    assert.deepEqual(linesOf(problems, 'DL3056'), [3]);
    assert.deepEqual(linesOf(problems, 'DL3050'), [4]);
    const complete = 'FROM registry.example.com/debian:12.5\nLABEL org.opencontainers.image.source=https://example.com/x';
    assert.deepEqual(linesOf(lint(complete, { filePath }), 'DL3049'), [1]);
    assert.deepEqual(linesOf(lint(`${complete} org.opencontainers.image.version=1.2.3`, { filePath }), 'DL3049'), []);
  });

  it('checks each label-schema type (DL3051 DL3053 DL3054 DL3055 DL3058)', () => {
    const dir = path.join(root, 'schema');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '.hadolint.yml'), [
      'label-schema:', '  created: rfc3339', '  license: spdx', '  revision: hash', '  contact: email', '  title: text',
    ].join('\n'));
    const schemaFile = path.join(dir, 'Dockerfile');
    const bad = 'FROM debian:12.5\nLABEL created=yesterday\nLABEL license=WTFPL-ish\nLABEL revision=xyz\nLABEL contact=nobody\nLABEL title=""';
    const problems = lint(bad, { filePath: schemaFile });
    assert.deepEqual(['DL3053', 'DL3054', 'DL3055', 'DL3058', 'DL3051'].map((id) => linesOf(problems, id)), [[2], [3], [4], [5], [6]]);
    const good = 'FROM debian:12.5\nLABEL created=2024-05-01T10:00:00Z license=MIT revision=0a1b2c3 contact=ops@example.com title=App';
    const quiet = lint(good, { filePath: schemaFile });
    assert.deepEqual(['DL3049', 'DL3051', 'DL3053', 'DL3054', 'DL3055', 'DL3058'].flatMap((id) => linesOf(quiet, id)), []);
  });

  it('off-by-default rules run when configured (DL3057 by severity, InvalidDefinitionDescription by # check=experimental=)', () => {
    const text = 'FROM debian:12.5\n# the version to build\nARG VERSION=1';
    assert.deepEqual([...linesOf(lint(text), 'DL3057'), ...linesOf(lint(text), 'InvalidDefinitionDescription')], []);
    const on = lint(`# check=experimental=InvalidDefinitionDescription\n${text}`, { severityOverrides: { DL3057: 'info' } });
    assert.deepEqual(linesOf(on, 'DL3057'), [2]);
    assert.deepEqual(linesOf(on, 'InvalidDefinitionDescription'), [4]);
    const documented = lint('# check=experimental=all\nFROM debian:12.5\nHEALTHCHECK CMD true\n# VERSION to build\nARG VERSION=1',
      { severityOverrides: { DL3057: 'info' } });
    assert.deepEqual([...linesOf(documented, 'DL3057'), ...linesOf(documented, 'InvalidDefinitionDescription')], []);
  });

  it('settings win over the file, and "off" disables a rule', () => {
    const problems = lint(`FROM registry.example.com/debian:12.5\nRUN cd /x && make`, { filePath, severityOverrides: { DL3003: 'off' } });
    assert.deepEqual(linesOf(problems, 'DL3003'), []);
    const info = lint(`${D}RUN cd /x && make`, { severityOverrides: { DL3003: 'info' } });
    assert.equal(info.find((p) => p.ruleId === 'DL3003')?.severity, 'info');
  });

  it('an explicit config path is used instead of the search', () => {
    const explicit = path.join(root, 'other.yaml');
    writeFileSync(explicit, 'ignored:\n  - DL3003\n');
    assert.deepEqual(linesOf(lint(`${D}RUN cd /x && make`, { filePath, hadolintConfigPath: explicit }), 'DL3003'), []);
  });
});

describe('messages and docs links', () => {
  it('speaks Chinese when asked, with the detail filled in', () => {
    const problem = lint(`FROM debian:12.5 AS Build`, { locale: 'zh-cn' }).find((p) => p.ruleId === 'StageNameCasing');
    assert.equal(problem?.message, "阶段名 'Build' 应为小写。");
    assert.equal(problem?.docsUrl, 'docs/rules/zh-cn/buildkit.md#stagenamecasing');
  });

  it('links to the English page under the given base', () => {
    const problem = lint(`${D}WORKDIR app`, { docsBaseUri: 'file:///ext/docs/rules' }).find((p) => p.ruleId === 'DL3000');
    assert.equal(problem?.docsUrl, 'file:///ext/docs/rules/en/hadolint.md#dl3000');
    assert.equal(problem?.message, 'Use absolute WORKDIR.');
    assert.equal(problem?.source, 'hadolint');
    assert.equal(problem?.severity, 'error');
  });
});
