// Attach, compose logs, filtering and saving logs, shells into stopped or shell-less containers, and the
// processes and changes documents, in a real VS Code against the real engine. What the terminal shows is read
// from the page under code-server and from the terminal's own transcript under test-electron; prompts and
// save dialogs can only be answered through the page, so those parts skip without one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tar from 'tar-fs';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { TEST_IMAGE, TEST_LABEL, createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { activateConnected, answerFileDialog, answerInput, closePromptsAfterFailure, expectNotification } from '../support/managePrompts';
import { terminalScreen } from '../support/terminalScreen';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const NO_SHELL_IMAGE = 'dockside-test/t6more-noshell:latest';

describe('More terminals: attach, compose logs, filter and save, shells, processes and changes', function () {
  const docker = testDocker();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-t6more-'));
  let api: DocksideApi;

  const { type, waitForScreen, terminalNamed } = terminalScreen(() => api);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const nodeOf = (id: string, name: string, state = 'running') => ({ container: { id, name, state } });
  const running = async (id: string) => (await docker.getContainer(id).inspect()).State.Running;

  /** A container that prints `lines` and then sleeps, so its log is complete and stays put. */
  const printing = (name: string, lines: string[]) =>
    createTestContainer(docker, { name, cmd: ['sh', '-c', `${lines.map((l) => `echo '${l}'`).join('; ')}; exec sleep 3600`] });

  /** Opens a logs terminal on a container and waits until it shows `pattern`. */
  async function logsOf(container: { id: string }, name: string, pattern: RegExp): Promise<vscode.Terminal> {
    await vscode.commands.executeCommand('dockside.containers.followLogs', nodeOf(container.id, name));
    const terminal = await terminalNamed(new RegExp(`^Logs: ${escape(name)}$`));
    terminal.show();
    await waitForScreen(terminal, pattern, `the log ${pattern}`);
    return terminal;
  }

  /** Runs Filter Logs… and answers its input box with `pattern` ('' shows all lines). */
  async function filterTo(pattern: string): Promise<void> {
    const filtering = vscode.commands.executeCommand('dockside.logs.filter');
    await answerInput('Show only lines matching', pattern);
    await filtering;
  }

  before(async () => {
    api = await activateConnected();
  });

  afterEach(async function () {
    await closePromptsAfterFailure(this.currentTest);
    vscode.window.terminals.forEach((t) => t.dispose());
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await removeTestContainers(docker);
    await docker.getImage(NO_SHELL_IMAGE).remove({ force: true }).catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('attaches to a shell with stdin and a TTY: answers 42, and Ctrl-P Ctrl-Q detaches leaving it running', async () => {
    const name = testName('t6more-attach');
    const container = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['sh'], OpenStdin: true, Tty: true, Labels: { [TEST_LABEL]: 'true' } });
    await container.start();
    await vscode.commands.executeCommand('dockside.containers.attach', nodeOf(container.id, name));
    const terminal = await terminalNamed(new RegExp(`^${escape(name)}: attached$`));
    terminal.show();
    await waitForScreen(terminal, /Ctrl-P Ctrl-Q detaches and leaves the container running/, 'the detach banner');

    await type(terminal, 'echo $((6*7))');
    await waitForScreen(terminal, /^42\s*$/m, '42 on its own line');

    if (uiBridge.available) {
      // The keys a user presses, in the focused terminal.
      await uiBridge.typeInTerminal('');
      // VS Code keeps Ctrl+P for Quick Open: Dockside's keybindings must send it to the container instead.
      await uiBridge.pressKey('Control+p');
      await uiBridge.pressKey('Control+q');
    } else terminal.sendText('\x10\x11', false);
    const text = await waitForScreen(terminal, /Detached: the container keeps running/, 'the detach sentence');
    if (uiBridge.available) await uiBridge.screenshot('t6more-attach-detached');
    assert.doesNotMatch(text, /The container stopped with exit code/);
    assert.equal(await running(container.id), true, 'the container still runs after the detach');
  });

  it('attaches read-only to a container without stdin and shows its output', async () => {
    const name = testName('t6more-readonly');
    const script = 'i=0; while true; do i=$((i+1)); echo t6more-tick-$i; sleep 1; done';
    const container = await createTestContainer(docker, { name, cmd: ['sh', '-c', script] });
    await vscode.commands.executeCommand('dockside.containers.attach', nodeOf(container.id, name));
    const terminal = await terminalNamed(new RegExp(`^${escape(name)}: attached$`));
    terminal.show();
    await waitForScreen(terminal, /Read-only: the container does not keep stdin open/, 'the read-only banner');
    const text = await waitForScreen(terminal, /t6more-tick-\d+\s*\n[\s\S]*t6more-tick-\d+/, 'two lines of its output');
    assert.doesNotMatch(text, /Ctrl-P Ctrl-Q/, 'no detach keys are offered without stdin');
  });

  it('follows the logs of a compose project in one terminal, each line prefixed with its container', async () => {
    const project = testName('t6more-proj');
    const compose = (service: string) => ({ 'com.docker.compose.project': project, 'com.docker.compose.service': service });
    const webName = testName('t6more-web');
    const dbName = testName('t6more-db');
    await createTestContainer(docker, { name: webName, labels: compose('web'), cmd: ['sh', '-c', 'echo web-says-hello; echo web-says-bye; exec sleep 3600'] });
    await createTestContainer(docker, { name: dbName, labels: compose('db'), cmd: ['sh', '-c', 'echo db-says-ready; exec sleep 3600'] });
    // The node the Containers view hands over for a compose project's group row.
    await vscode.commands.executeCommand('dockside.compose.followLogs', { kind: 'containerGroup', id: `composeProject:${project}`, groupKind: 'composeProject', key: project, containers: [] });
    const terminal = await terminalNamed(new RegExp(`^Logs: ${escape(project)} \\(compose\\)$`));
    terminal.show();
    const prefixed = (container: string, line: string) => new RegExp(`^${escape(container)}\\s*\\| ${line}\\s*$`, 'm');
    const text = await waitForScreen(
      terminal,
      (t) => [prefixed(webName, 'web-says-hello'), prefixed(webName, 'web-says-bye'), prefixed(dbName, 'db-says-ready')].every((p) => p.test(t)),
      'the lines of both containers, each with its name',
    );
    if (uiBridge.available) await uiBridge.screenshot('t6more-compose-logs');
    assert.doesNotMatch(text, new RegExp(`${escape(dbName)}\\s*\\| web-says`), 'no line is credited to the wrong container');
  });

  it('filters a logs terminal to the lines matching a pattern, and shows all of them again', async function () {
    const name = testName('t6more-filter');
    const container = await printing(name, ['apple 1', 'banana 2', 'apple 3']);
    const terminal = await logsOf(container, name, /apple 1[\s\S]*banana 2[\s\S]*apple 3/);
    // The filter is asked for in an input box that only the page can answer.
    if (!uiBridge.available) this.skip();

    await filterTo('apple');
    const filtered = await waitForScreen(terminal, (t) => /apple 1[\s\S]*apple 3/.test(t) && !/banana/.test(t), 'only the apple lines');
    assert.doesNotMatch(filtered, /banana 2/);
    await uiBridge.screenshot('t6more-logs-filtered');

    await filterTo('');
    await waitForScreen(terminal, /apple 1[\s\S]*banana 2[\s\S]*apple 3/, 'all lines again');
  });

  it('saves a logs terminal to a file through the save dialog, honouring the active filter', async function () {
    const name = testName('t6more-save');
    const container = await printing(name, ['apple 1', 'banana 2', 'apple 3']);
    await logsOf(container, name, /apple 1[\s\S]*banana 2[\s\S]*apple 3/);
    // The save dialog (and the filter's input box) can only be answered through the page.
    if (!uiBridge.available) this.skip();

    const whole = path.join(tmp, 'whole.log');
    let saving = vscode.commands.executeCommand('dockside.logs.save');
    await answerFileDialog(whole);
    await expectNotification(/Saved the log to .*whole\.log/);
    await saving;
    assert.equal(fs.readFileSync(whole, 'utf8'), 'apple 1\nbanana 2\napple 3\n');

    await filterTo('apple');
    const filtered = path.join(tmp, 'filtered.log');
    saving = vscode.commands.executeCommand('dockside.logs.save');
    await answerFileDialog(filtered);
    await expectNotification(/Saved the log to .*filtered\.log/);
    await saving;
    assert.equal(fs.readFileSync(filtered, 'utf8'), 'apple 1\napple 3\n');
  });

  it('offers to start a stopped container before opening a shell, then the shell works', async () => {
    const name = testName('t6more-stopped');
    const container = await createTestContainer(docker, { name, start: false });
    await vscode.commands.executeCommand('notifications.clearAll');
    const opening = vscode.commands.executeCommand('dockside.containers.openShell', nodeOf(container.id, name, 'created'));
    if (uiBridge.available) {
      const shown = await waitFor('the offer to start it', async () => (await uiBridge.notificationTexts()).find((t) => /is not running\. Start it first\?/.test(t)));
      assert.match(shown, new RegExp(`${escape(name)} is not running`));
    }
    assert.equal(await running(container.id), false, 'nothing starts before the user says so');
    // The toast's primary action is its "Start" button, as Ctrl+Shift+A would press it.
    await waitFor('the container to start once the offer is accepted', async () => {
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      return running(container.id);
    }, 25_000, 500);
    await opening;

    const terminal = await terminalNamed(new RegExp(`^${escape(name)}: sh$`));
    terminal.show();
    await waitForScreen(terminal, /\/ #/, 'the shell prompt');
    await type(terminal, 'echo $((6*7))');
    await waitForScreen(terminal, /^42\s*$/m, '42 on its own line');
  });

  it('says clearly that a container whose image has no shell cannot open one', async function () {
    this.timeout(120_000);
    await buildNoShellImage();
    const name = testName('t6more-noshell');
    const container = await docker.createContainer({ name, Image: NO_SHELL_IMAGE, Cmd: ['/busybox', 'sleep', '3600'], Labels: { [TEST_LABEL]: 'true' } });
    await container.start();
    await vscode.commands.executeCommand('notifications.clearAll');
    let settled = false;
    const opening = vscode.commands.executeCommand('dockside.containers.openShell', nodeOf(container.id, name)).then(() => (settled = true));
    if (uiBridge.available) {
      const message = await expectNotification(/has no shell/);
      assert.match(message, new RegExp(`${escape(name)} has no shell: its image contains neither bash nor sh`));
      assert.match(message, /dockside\.shell\.command/);
    } else {
      // Without a page the message cannot be read; the command waits on it until it is dismissed.
      await waitFor('the command to end once its message is dismissed', async () => {
        await vscode.commands.executeCommand('notifications.clearAll');
        return settled;
      }, 25_000, 500);
    }
    await opening;
    assert.equal(vscode.window.terminals.some((t) => t.name.startsWith(name)), false, 'no terminal opens');
    assert.equal(await running(container.id), true);
  });

  it('shows the processes and the changed files of a container as read-only documents', async () => {
    const name = testName('t6more-docs');
    const container = await createTestContainer(docker, { name, cmd: ['sh', '-c', 'mkdir /t6more-dir && echo hi > /t6more-dir/created.txt && exec sleep 3600'] });
    await waitFor('the file to be created', async () => (await container.changes())?.some((c: { Path: string }) => c.Path === '/t6more-dir/created.txt'));

    await vscode.commands.executeCommand('dockside.containers.showProcesses', nodeOf(container.id, name));
    const processes = await shownDocument(`/${name}/processes`);
    assert.match(processes.getText(), /^PID\b.*\bCMD|^UID\s+PID/m, 'a header row');
    assert.match(processes.getText(), /sleep 3600/);
    await assertReadOnly(processes);

    await vscode.commands.executeCommand('dockside.containers.showChanges', nodeOf(container.id, name));
    const changes = await shownDocument(`/${name}/changes`);
    assert.match(changes.getText(), /^A \/t6more-dir\/created\.txt$/m);
    assert.match(changes.getText(), /^A \/t6more-dir$/m);
    await assertReadOnly(changes);
    if (uiBridge.available) await uiBridge.screenshot('t6more-changes');
  });

  /** The document in the active editor once its path is `docPath`. */
  async function shownDocument(docPath: string): Promise<vscode.TextDocument> {
    return waitFor(`an editor showing ${docPath}`, () => {
      const document = vscode.window.activeTextEditor?.document;
      return document?.uri.path === docPath && document.getText().length > 0 ? document : undefined;
    });
  }

  /**
   * Typing into the document's editor changes nothing. A writable document typed into the same way is the
   * control: its change reaching the extension host means the earlier keystrokes have arrived too.
   */
  async function assertReadOnly(document: vscode.TextDocument): Promise<void> {
    assert.equal(document.uri.scheme, 'dockside-container-report');
    const before = document.getText();
    await vscode.window.showTextDocument(document, { preview: true });
    await vscode.commands.executeCommand('type', { text: 'typed-here ' });
    const control = await vscode.workspace.openTextDocument({ content: '' });
    await vscode.window.showTextDocument(control);
    try {
      await vscode.commands.executeCommand('type', { text: 'control' });
      await waitFor('the control document to take the typing', () => control.getText() === 'control');
    } finally {
      await vscode.window.showTextDocument(control);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    assert.equal(document.getText(), before, 'the document refuses typing');
  }

  /** A running image with no shell: busybox alone at /busybox, copied from the test image by the classic builder. */
  async function buildNoShellImage(): Promise<void> {
    const dir = fs.mkdtempSync(path.join(tmp, 'noshell-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE} AS src\nFROM scratch\nCOPY --from=src /bin/busybox /busybox\n`);
    const build = await docker.buildImage(tar.pack(dir) as unknown as NodeJS.ReadableStream, { t: NO_SHELL_IMAGE, labels: { [TEST_LABEL]: 'true' }, version: '1' });
    await new Promise((resolve, reject) => docker.modem.followProgress(build, (error, output) => {
      const failed = (output as { error?: string }[] | undefined)?.find((o) => o.error);
      if (error || failed) reject(error ?? new Error(failed!.error));
      else resolve(undefined);
    }));
  }
});
