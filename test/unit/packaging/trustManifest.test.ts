// The manifest's part of workspace trust (issue 12, items 1, 3 and 4): settings that name a program or an
// engine are `machine` scope (VS Code ignores them in a repository's settings), and Restricted Mode is
// declared as limited support, with the settings that wait for trust.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface SettingSchema {
  scope?: string;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, SettingSchema> } | { properties: Record<string, SettingSchema> }[] };
};
const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
const settings: Record<string, SettingSchema> = Object.assign({}, ...sections.map((s) => s.properties));

describe('workspace trust in the manifest', () => {
  it('makes every setting that names a program or an engine machine-scoped', () => {
    const named = ['dockside.dockerfile.lint.shellcheckPath', 'dockside.shell.command', 'dockside.engine.host', 'dockside.engine.context'];
    // Any future tool path or command line is caught too.
    const pattern = Object.keys(settings).filter((key) => /(Path|\.command|\.host|\.context)$/.test(key));
    for (const key of new Set([...named, ...pattern])) {
      assert.ok(settings[key], `${key} is declared`);
      assert.equal(settings[key].scope, 'machine', `${key} must be machine scope: a repository's settings must not choose it`);
    }
  });

  it('supports Restricted Mode in a limited way, listing the settings that wait for trust', () => {
    const trust = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(trust?.supported, 'limited');
    assert.match(trust?.description ?? '', /^%.+%$/, 'the description is localized');
    const restricted = trust?.restrictedConfigurations ?? [];
    assert.ok(restricted.includes('dockside.run.configurations'));
    for (const key of restricted) assert.ok(settings[key], `${key} is a declared setting`);
  });
});
