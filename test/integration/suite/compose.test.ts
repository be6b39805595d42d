// Compose in a real VS Code against the real engine and Debian's docker-compose: a two-service project
// (local image only, ports on 127.0.0.1) comes up through the code lens and through the tree, shows as a
// project group, one service restarts, logs follow, it goes down and the group vanishes; its override
// file and a profile apply; a broken file's CLI error lands as a diagnostic, and on save the CLI's config -q
// adds what it is stricter about; the compose language server
// answers in the editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { execFileSync } from 'node:child_process';
import { composeAvailable } from '../../support/composeCliAvailable';
import { createTestContainer, testDocker, testName, TEST_IMAGE } from '../../support/testEngine';
import { VIEW_CONTAINER, activateConnected, answerConfirm, closePromptsAfterFailure, expectNotification } from '../support/managePrompts';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;

describe('Compose projects', function () {
  this.timeout(180_000);
  const docker = testDocker();
  // Unique per run: other engineers use the same engine. Contains `-<pid>-` like every test resource.
  const project = `dockside-test-compose-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const folder = path.join(workspace, project);
  const composeFile = path.join(folder, 'compose.yaml');
  const port = 20000 + (process.pid % 20000);
  let uri: vscode.Uri;

  const containers = async () => (await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`com.docker.compose.project=${project}`] }) }));
  const running = async () => (await containers()).filter((c) => c.State === 'running').map((c) => c.Labels['com.docker.compose.service']).sort();
  // Every row, also those scrolled out of a short Containers pane.
  const rows = async () => (await uiBridge.allViewRows(VIEW_CONTAINER, 'Containers')).map((r) => [r.label, r.description].filter(Boolean).join(' '));
  /** Chooses a row's menu item, reading the menu again while it lacks the item (a row still repainting). */
  const chooseFromRowMenu = async (row: string, item: string) => {
    let items: string[] = [];
    return waitFor(`${item} in the menu of ${row}`, async () => ((items = await uiBridge.clickRowMenuItem(VIEW_CONTAINER, 'Containers', row, item)).includes(item) ? items : undefined)).catch((e: Error) => {
      throw new Error(`${e.message}; the menu shows ${items.join(' | ')}`);
    });
  };
  /**
   * Chooses a row's menu item that opens a QuickPick showing `row`: a row re-rendered by the last engine event
   * can swallow the click, so the menu opens again, at most three times.
   */
  const openPromptFromRowMenu = async (row: string, item: string, prompt: string) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const items = await chooseFromRowMenu(row, item);
      assert.ok(items.includes(item), items.join(' | '));
      const shown = await waitFor(`the prompt of ${item}`, async () => (await uiBridge.quickPickItems()).some((r) => r.includes(prompt)), 8000).then(() => true, () => false);
      if (shown) return;
    }
    assert.fail(`${item} showed no prompt with "${prompt}"; the QuickPick shows ${(await uiBridge.quickPickItems()).join(' | ')}; notifications: ${(await uiBridge.notificationTexts()).join(' | ')}`);
  };

  before(async function () {
    if (!composeAvailable()) {
      console.log('    docker-compose is not installed (scripts/test.sh installs it): compose tests skipped');
      this.skip();
    }
    await activateConnected();
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(composeFile, [
      'services:',
      '  web:',
      `    image: ${TEST_IMAGE}`,
      '    command: ["httpd", "-f", "-p", "80"]',
      '    ports:',
      `      - "127.0.0.1:${port}:80"`,
      '    labels: { dockside.test: "true" }',
      '  worker:',
      `    image: ${TEST_IMAGE}`,
      '    command: ["sh", "-c", "echo worker-ready-$$WORKER_FLAVOUR; exec sleep 3600"]',
      '    labels: { dockside.test: "true" }',
      '  debug:',
      `    image: ${TEST_IMAGE}`,
      '    command: ["sleep", "3600"]',
      '    profiles: [debug]',
      '    labels: { dockside.test: "true" }',
      '',
    ].join('\n'));
    // compose reads the override beside the file by default, and so do Dockside's commands.
    fs.writeFileSync(path.join(folder, 'compose.override.yaml'), 'services:\n  worker:\n    environment:\n      WORKER_FLAVOUR: from-override\n');
    uri = vscode.Uri.file(composeFile);
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`);
  });

  afterEach(function () {
    return closePromptsAfterFailure(this.currentTest);
  });

  after(async () => {
    if (fs.existsSync(composeFile)) {
      try {
        execFileSync('docker-compose', ['-f', composeFile, '-p', project, '--profile', 'debug', 'down', '--remove-orphans'], { cwd: folder, stdio: 'ignore' });
      } catch {
        // the test removes what is left below
      }
    }
    for (const c of await containers()) await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('brings the project up from the code lens, with its override, without the profile', async function () {
    if (!uiBridge.available) this.skip();
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'dockercompose');
    await vscode.window.showTextDocument(document);
    const lenses = await waitFor('the compose code lenses', async () => {
      const texts = await uiBridge.codeLensTexts();
      return texts.some((t) => /^Up$/.test(t)) && texts.some((t) => /Up worker/.test(t)) ? texts : undefined;
    });
    assert.ok(lenses.includes('Down') && lenses.includes('Rendered Configuration'), lenses.join(' | '));
    assert.ok(await uiBridge.clickCodeLens('^\\s*Up\\s*$'));
    await waitFor('web and worker to run', async () => (await running()).join(',') === 'web,worker', 60_000);
    const worker = (await containers()).find((c) => c.Labels['com.docker.compose.service'] === 'worker')!;
    const env = (await docker.getContainer(worker.Id).inspect()).Config.Env;
    assert.ok(env.includes('WORKER_FLAVOUR=from-override'), 'the override file applied');
    assert.ok(!(await containers()).some((c) => c.Labels['com.docker.compose.service'] === 'debug'), 'the debug profile stays off');
  });

  it('shows the project as a group with both containers, its state and its file', async function () {
    if (!uiBridge.available) this.skip();
    await vscode.commands.executeCommand('dockside.containers.refresh');
    const shown = await waitFor('the project group and its two containers', async () => {
      const all = await rows();
      return all.some((r) => r.startsWith(project) && /all 2 running/.test(r)) && all.filter((r) => r.includes(`${project}_`)).length === 2 ? all : undefined;
    });
    assert.ok(shown.some((r) => r.includes(`${project}_web_1`)) && shown.some((r) => r.includes(`${project}_worker_1`)), shown.join(' | '));
    await uiBridge.screenshot('compose-group');
    const menu = await uiBridge.rowContextMenu(VIEW_CONTAINER, 'Containers', project);
    for (const action of ['Compose Up…', 'Compose Down…', 'Compose Restart', 'Compose Stop', 'Open Compose File']) assert.ok(menu.includes(action), `${action} in ${menu.join(' | ')}`);
  });

  it('restarts one service from its container row, and follows the project\'s logs', async function () {
    if (!uiBridge.available) this.skip();
    const startedAt = async (service: string) => {
      const c = (await containers()).find((x) => x.Labels['com.docker.compose.service'] === service)!;
      return (await docker.getContainer(c.Id).inspect()).State.StartedAt;
    };
    const [webBefore, workerBefore] = [await startedAt('web'), await startedAt('worker')];
    await chooseFromRowMenu(`${project}_worker_1`, 'Compose Restart Service…');
    await waitFor('the worker to restart', async () => (await startedAt('worker')) !== workerBefore, 60_000);
    assert.equal(await startedAt('web'), webBefore, 'only the worker restarted');
    assert.ok(await uiBridge.clickCodeLens('^\\s*Logs\\s*$'));
    const text = await waitFor('the worker\'s line in the compose logs terminal', async () => {
      const t = await uiBridge.terminalText();
      return /worker-ready-from-override/.test(t) ? t : undefined;
    });
    assert.match(text, new RegExp(`${project}_worker_1`));
  });

  it('stops and brings the project up again through the tree', async function () {
    if (!uiBridge.available) this.skip();
    await chooseFromRowMenu(project, 'Compose Stop');
    await waitFor('the group to show both exited', async () => (await rows()).some((r) => r.startsWith(project) && /all 2 exited/.test(r)), 60_000);
    await openPromptFromRowMenu(project, 'Compose Up…', '--force-recreate');
    await uiBridge.pressKey('Enter');
    await waitFor('the group to show both running', async () => (await rows()).some((r) => r.startsWith(project) && /all 2 running/.test(r)), 60_000);
  });

  it('takes the project down from the tree after naming what goes, and the group vanishes', async function () {
    if (!uiBridge.available) this.skip();
    await openPromptFromRowMenu(project, 'Compose Down…', '--volumes');
    await uiBridge.pressKey('Enter');
    const shown = await answerConfirm('Down', new RegExp(`Containers: .*${project}_web_1`));
    assert.match(shown, /Networks of the project are removed too/);
    await waitFor('the containers to go', async () => (await containers()).length === 0, 60_000);
    await waitFor('the group to vanish', async () => !(await rows()).some((r) => r.includes(project)), 30_000);
  });

  it('puts the CLI\'s error on the compose file as a diagnostic, with Show Output', async function () {
    if (!uiBridge.available) this.skip();
    const broken = path.join(folder, 'broken', 'docker-compose.yml');
    fs.mkdirSync(path.dirname(broken), { recursive: true });
    fs.writeFileSync(broken, `services:\n  web:\n    image: ${TEST_IMAGE}\n    networks: [front]\n`);
    const brokenUri = vscode.Uri.file(broken);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(brokenUri));
    await vscode.commands.executeCommand('dockside.compose.up', { uri: brokenUri.toString(), quick: true });
    const cli = await waitFor('the CLI diagnostic', () => vscode.languages.getDiagnostics(brokenUri).find((d) => d.source === 'compose CLI'));
    assert.equal(cli.range.start.line, 3);
    assert.match(cli.message, /undefined network "front"/);
    const spec = await waitFor('the language server\'s diagnostic', () => vscode.languages.getDiagnostics(brokenUri).find((d) => d.source === 'compose'));
    assert.equal(spec.code && typeof spec.code === 'object' ? spec.code.value : spec.code, 'undefined-network');
    assert.deepEqual([spec.range.start.line, spec.range.start.character], [3, 15]);
    await expectNotification(/Compose Up failed: Service "web" uses an undefined network "front"/);
  });

  it('checks a saved compose file with the CLI\'s config -q, apart from the spec diagnostics, and clears it when fixed', async function () {
    const file = path.join(folder, 'onsave', 'docker-compose.yml');
    const variable = `DOCKSIDE_TEST_UNSET_${process.pid}`;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // The spec check cannot know that a variable is unset; the CLI can. The network is the spec check's.
    fs.writeFileSync(file, `services:\n  web:\n    image: ${TEST_IMAGE}\n    networks: [front]\n    environment:\n      A: \${${variable}:?set it}\n`);
    const fileUri = vscode.Uri.file(file);
    const document = await vscode.workspace.openTextDocument(fileUri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(fileUri, new vscode.Position(0, 0), '# saved by the test\n');
    await vscode.workspace.applyEdit(edit);
    await document.save();
    const config = await waitFor('the CLI\'s config diagnostic', () => vscode.languages.getDiagnostics(fileUri).find((d) => d.source === 'compose config'), 30_000);
    assert.equal(config.range.start.line, 5, config.message);
    assert.match(config.message, /config: .*(Missing mandatory value|required variable).*set it/);
    const spec = await waitFor('the spec diagnostic', () => vscode.languages.getDiagnostics(fileUri).find((d) => d.source === 'compose'));
    assert.equal(spec.range.start.line, 4);
    const fix = new vscode.WorkspaceEdit();
    fix.replace(fileUri, document.lineAt(6).range, '      A: fixed');
    await vscode.workspace.applyEdit(fix);
    await document.save();
    await waitFor('the config diagnostic to clear', () => !vscode.languages.getDiagnostics(fileUri).some((d) => d.source === 'compose config'), 30_000);
    assert.ok(vscode.languages.getDiagnostics(fileUri).some((d) => d.source === 'compose' && d.range.start.line === 4), 'the spec diagnostic stays');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows a service with several replicas as a sub-group of its project', async function () {
    if (!uiBridge.available) this.skip();
    const replicated = `${project}-replicas`;
    const labels = (n: number) => ({
      'com.docker.compose.project': replicated,
      'com.docker.compose.service': 'worker',
      'com.docker.compose.container-number': String(n),
      'com.docker.compose.project.working_dir': folder,
      'com.docker.compose.project.config_files': 'compose.yaml',
    });
    const made = [
      await createTestContainer(docker, { name: testName('replica1'), labels: labels(1) }),
      await createTestContainer(docker, { name: testName('replica2'), labels: labels(2) }),
      await createTestContainer(docker, { name: testName('single'), labels: { ...labels(1), 'com.docker.compose.service': 'web' } }),
    ];
    try {
      await vscode.commands.executeCommand('dockside.containers.refresh');
      const shown = await waitFor('the project with a worker sub-group', async () => {
        const all = await rows();
        return all.some((r) => r.startsWith(replicated) && /all 3 running/.test(r)) && all.some((r) => /^worker 2 replicas, 2 running/.test(r)) ? all : undefined;
      });
      assert.equal(shown.filter((r) => r.includes('dockside-test-replica')).length, 2, shown.join(' | '));
      const menu = await uiBridge.rowContextMenu(VIEW_CONTAINER, 'Containers', '2 replicas, 2 running');
      assert.ok(menu.includes('Compose Restart Service…') && menu.includes('Open Shell in Compose Service…'), menu.join(' | '));
    } finally {
      for (const c of made) await c.remove({ force: true });
    }
  });

  it('completes, explains and navigates in the editor (compose language server)', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const completions = await waitFor('completion from the compose server', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 4));
      return list.items.some((i) => i.label === 'healthcheck') ? list : undefined;
    });
    assert.ok(completions.items.some((i) => i.label === 'depends_on'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 6));
    assert.ok(hovers.some((h) => h.contents.some((c) => /port/i.test(typeof c === 'string' ? c : c.value))));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(symbols.find((s) => s.name === 'services')?.children.map((c) => c.name), ['web', 'worker', 'debug']);
  });
});
