// Loaded in the extension host by ./index.ts (`npm run screenshot -- files`): a running container with an
// app folder, its Files expanded in the Containers view and a file of it open in the editor, for the
// README (media/files.png). The container carries the test label and is removed at the end.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../src/extension';
import { TEST_IMAGE, TEST_LABEL, testDocker } from '../support/testEngine';
import { uiBridge } from '../integration/support/uiBridge';
import { waitFor } from '../integration/support/waitFor';

const NAME = 'shop-web-1';

const SEED = `mkdir -p /app/config /app/public && cd /app
cat > config/server.yaml <<'EOF2'
# Served by the web container; edited live from VS Code through Dockside.
server:
  listen: 0.0.0.0:8080
  workers: 4
  gzip: true
upstream:
  api: http://api:3000
  timeout: 15s
cache:
  static: 7d
  html: no-store
EOF2
echo '<!doctype html><title>shop</title>' > public/index.html
echo 'console.log("shop")' > public/app.js
echo '# 部署说明' > '部署 说明.md'
ln -s config/server.yaml server.yaml
chmod 600 config/server.yaml
exec sleep 3600`;

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
  if (!ext) throw new Error('Dockside is not installed in this host');
  const api = await ext.activate();
  const docker = testDocker();
  await docker.getContainer(NAME).remove({ force: true }).catch(() => undefined);
  const container = await docker.createContainer({ name: NAME, Image: TEST_IMAGE, Cmd: ['sh', '-c', SEED], WorkingDir: '/', Labels: { [TEST_LABEL]: 'true' } });
  try {
    await container.start();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.view.extension.dockside');
    await waitFor('the engine to connect', () => api.engineState().kind === 'connected', 30_000);
    await vscode.commands.executeCommand('dockside.containers.filter', NAME);
    // Only the Containers view open: the other views fold away so the Files rows have room.
    for (const view of ['images', 'networks', 'volumes', 'registries']) await vscode.commands.executeCommand(`dockside.${view}.removeView`).then(undefined, () => undefined);
    const uri = vscode.Uri.parse(`dockside-container://default/${container.id.slice(0, 12)}/app/config/server.yaml`);
    await waitFor('the seeded files', async () => (await vscode.workspace.fs.readDirectory(uri.with({ path: uri.path.replace(/\/config\/server\.yaml$/, '') }))).length >= 4, 20_000);
    const click = (text: string, next: RegExp) => waitFor(`the row ${text}`, async () => {
      await uiBridge.clickViewRow('dockside', 'Containers', text);
      return (await uiBridge.viewRows('dockside', 'Containers')).some((r) => next.test(r));
    }, 20_000);
    await click(NAME, /^Files/);
    await click('Files', /^app\b/);
    await click('app', /^config\b/);
    await click('config', /^server\.yaml/);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.languages.setTextDocumentLanguage(document, 'yaml').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    await new Promise((r) => setTimeout(r, 2500));
    await vscode.commands.executeCommand('notifications.clearAll');
    console.log(`rows: ${JSON.stringify(await uiBridge.viewRows('dockside', 'Containers'))}`);
    const file = await uiBridge.screenshot('readme-files');
    if (process.env.DOCKSIDE_SCREENSHOT_RESULT) fs.writeFileSync(process.env.DOCKSIDE_SCREENSHOT_RESULT, JSON.stringify({ file }));
  } finally {
    await vscode.commands.executeCommand('dockside.containers.clearFilter').then(undefined, () => undefined);
    await container.remove({ force: true }).catch(() => undefined);
  }
}
