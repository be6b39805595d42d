// The command table against the manifest, in a real VS Code: every command package.json declares is
// registered at activation, has a handler once the handlers are built, and no handler goes undeclared.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';

describe('Commands', function () {
  it('registers every declared command, each with a handler, and no handler the manifest lacks', async () => {
    const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
    assert.ok(ext, 'the extension is installed in the host');
    const api = await ext.activate();
    const declared = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    assert.ok(declared.length > 50, `the manifest declares the commands (${declared.length})`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((id) => !registered.has(id)), [], 'declared but not registered');
    assert.deepEqual(api.commandCoverage(), { undeclared: [], unhandled: [] });
  });
});
