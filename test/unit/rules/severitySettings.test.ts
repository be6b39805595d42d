// Issue 13 item 6: the dockerfile-utils settings for problems hadolint also reports (deprecatedMaintainer
// for DL4000, instructionWorkdirRelative for DL3000, ...) decide the problem's severity in the editor and
// on the command line, and their defaults are hadolint's severities, as the README's settings table says.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkDefaults, readSettings } from '../../../src/server/settings';
import { lintDockerfile } from '../../../src/server/validate';
import { runLintCommand } from '../../../src/server/lintCommand';
import { repoRoot } from './ruleTestKit';

const D = 'FROM debian:12\n';
const onLine = (text: string, line: number, raw: object = {}) =>
  lintDockerfile({ text, settings: readSettings(raw) }).filter((p) => p.range.start.line === line);

describe('severity settings shared by dockerfile-utils and hadolint', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { configuration: Array<{ properties: Record<string, { default?: unknown }> }> | { properties: Record<string, { default?: unknown }> } };
  };
  const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
  const properties = Object.assign({}, ...sections.map((s) => s.properties)) as Record<string, { default?: unknown }>;
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

  for (const [check, severity] of Object.entries(checkDefaults)) {
    it(`${check}: the manifest, the README and the server agree on "${severity}"`, () => {
      assert.equal(properties[`dockside.dockerfile.validation.${check}`]?.default, severity);
      assert.ok(readme.includes(`| \`dockside.dockerfile.validation.${check}\` | \`"${severity}"\` |`), `README row for ${check}`);
    });
  }

  it('MAINTAINER is one diagnostic, DL4000, with the default severity of deprecatedMaintainer (error)', () => {
    const problems = onLine(`${D}MAINTAINER me`, 1);
    assert.deepEqual(problems.map((p) => [p.ruleId, p.severity]), [['DL4000', 'error']]);
  });

  it('a relative WORKDIR is one diagnostic, DL3000, with the default severity of instructionWorkdirRelative (error)', () => {
    const problems = onLine(`${D}WORKDIR app`, 1);
    assert.deepEqual(problems.map((p) => [p.ruleId, p.severity]), [['DL3000', 'error']]);
  });

  it('setting the check to warning makes DL4000 and DL3000 warnings', () => {
    const raw = { validation: { deprecatedMaintainer: 'warning', instructionWorkdirRelative: 'warning' } };
    assert.deepEqual(onLine(`${D}MAINTAINER me`, 1, raw).map((p) => [p.ruleId, p.severity]), [['DL4000', 'warning']]);
    assert.deepEqual(onLine(`${D}WORKDIR app`, 1, raw).map((p) => [p.ruleId, p.severity]), [['DL3000', 'warning']]);
  });

  it('ignore silences the problem under all its names', () => {
    const raw = { validation: { deprecatedMaintainer: 'ignore', instructionWorkdirRelative: 'ignore' } };
    assert.deepEqual(onLine(`${D}MAINTAINER me`, 1, raw), []);
    assert.deepEqual(onLine(`${D}WORKDIR app`, 1, raw), []);
  });

  it('a per-rule severity override wins over the shared setting', () => {
    const raw = { validation: { deprecatedMaintainer: 'warning' }, lint: { severityOverrides: { DL4000: 'info' } } };
    assert.deepEqual(onLine(`${D}MAINTAINER me`, 1, raw).map((p) => [p.ruleId, p.severity]), [['DL4000', 'info']]);
  });

  it('the command line reports the same severity as the editor', async () => {
    let out = '';
    await runLintCommand(['-f', 'json', '-t', 'none', '-'], {
      cwd: repoRoot, stdout: (s) => { out += s; }, stderr: () => undefined, readStdin: () => `${D}MAINTAINER me\nWORKDIR app\n`, color: false,
    });
    const problems = JSON.parse(out) as Array<{ code: string; level: string }>;
    const levels = Object.fromEntries(problems.map((p) => [p.code, p.level]));
    assert.equal(levels.DL4000, 'error');
    assert.equal(levels.DL3000, 'error');
    assert.equal(problems.filter((p) => p.code === 'deprecatedMaintainer' || p.code === 'MaintainerDeprecated').length, 0);
  });
});
