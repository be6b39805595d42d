// The manifest's dockside.dockerfile.* settings and the server's reading of them stay in step: every
// contributed setting changes what the server does, and wrong values fall back to the defaults.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ValidationSeverity } from 'dockerfile-utils';
import { configurableChecks, defaultSettings, readSettings } from '../../../src/server/settings';
import { repoRoot } from './lspTestClient';

interface SettingSchema {
  type: string;
  default: unknown;
  enum?: string[];
}

const prefix = 'dockside.dockerfile.';
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contributed = Object.entries(manifest.contributes.configuration.properties as Record<string, SettingSchema>).filter(([key]) =>
  key.startsWith(prefix),
);

/** `validation.enable` = value → `{ validation: { enable: value } }`, the shape getConfiguration returns. */
function nested(key: string, value: unknown): Record<string, unknown> {
  return key.split('.').reduceRight<unknown>((inner, part) => ({ [part]: inner }), value) as Record<string, unknown>;
}

function otherValue(schema: SettingSchema): unknown {
  switch (schema.type) {
    case 'boolean': return !schema.default;
    case 'array': return ['DL3008'];
    case 'object': return { DL3008: 'info' };
    default: return schema.enum ? schema.enum.find((value) => value !== schema.default) : '/opt/config/file';
  }
}

describe('dockside.dockerfile settings', () => {
  it('contributes the nine dockerfile-utils checks and the pipeline switches', () => {
    const keys = contributed.map(([key]) => key.slice(prefix.length));
    for (const check of configurableChecks) assert.ok(keys.includes(`validation.${check}`), check);
    assert.ok(keys.includes('validation.enable') && keys.includes('lint.enable'));
  });

  it('reads every contributed setting: a non-default value changes the effective settings', () => {
    const defaults = JSON.stringify(defaultSettings());
    for (const [key, schema] of contributed) {
      const changed = readSettings(nested(key.slice(prefix.length), otherValue(schema)));
      assert.notEqual(JSON.stringify(changed), defaults, `${key} has no effect`);
      const explicitDefault = readSettings(nested(key.slice(prefix.length), schema.default));
      assert.equal(JSON.stringify(explicitDefault), defaults, `${key}'s manifest default differs from the server's`);
    }
  });

  it('falls back to the defaults on values of the wrong type', () => {
    const settings = readSettings({
      validation: { enable: 'yes', instructionCasing: 'loud' },
      lint: { ignoredRules: 'DL3008', severityOverrides: { DL3008: 'fatal', DL3015: 'off' }, shellcheckPath: 42 },
    });
    assert.equal(settings.validation.enable, true);
    assert.equal(settings.validation.checks.instructionCasing, ValidationSeverity.WARNING);
    assert.deepEqual(settings.lint.options.ignored, []);
    assert.deepEqual(settings.lint.options.severityOverrides, { DL3015: 'off' });
    assert.equal(settings.lint.options.shellcheckPath, undefined);
    assert.equal(readSettings({ lint: { shellcheck: false } }).lint.options.shellcheckPath, null);
  });
});
