// What a new user trips over (issue 13), checked where the user sees it: rows, tooltips, menus, the
// palette and notifications of a real VS Code against the real engine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type Docker from 'dockerode';
import type { DocksideApi } from '../../../src/extension';
import { TEST_IMAGE, TEST_LABEL, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { acceptPick, answerInput, testClient } from '../support/managePrompts';
import { terminalScreen } from '../support/terminalScreen';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const CONTAINER = 'dockside';

function waitForRow(view: string, what: string, match: (row: string) => boolean, timeoutMs = 20_000): Promise<string> {
  return waitFor(`${what} in the ${view} view`, async () => (await uiBridge.viewRows(CONTAINER, view)).find(match), timeoutMs);
}

describe('New user', function () {
  const docker = testDocker();
  const mine = `dockside-test-newuser-${process.pid}`;
  let api: DocksideApi;
  const { type, waitForScreen, terminalNamed } = terminalScreen(() => api);

  async function runningContainer(what: string, cmd = ['sleep', '3600']): Promise<{ id: string; name: string }> {
    const name = testName(what);
    const container = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: cmd, Labels: { [TEST_LABEL]: 'true' } });
    await container.start();
    return { id: container.id, name };
  }

  before(async function () {
    if (!uiBridge.available) this.skip();
    api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
    await waitFor('the engine to connect', () => api.engineState().kind === 'connected');
  });

  afterEach(() => vscode.window.terminals.forEach((t) => t.dispose()));

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeTestContainers(docker);
    for (const n of await docker.listNetworks({ filters: JSON.stringify({ name: [mine] }) } as Docker.NetworkListOptions)) {
      await docker.getNetwork(n.Id).remove().catch(() => undefined);
    }
  });

  it('writes a memory limit in the binary units it was given (--memory 4096M is 4 GiB)', async () => {
    const name = testName('units');
    const container = await docker.createContainer({
      name, Image: TEST_IMAGE, Cmd: ['sleep', '3600'], Labels: { [TEST_LABEL]: 'true' },
      HostConfig: { Memory: 4096 * 1024 * 1024 },
    });
    await container.start();
    await waitForRow('Containers', 'the limited container', (r) => r.startsWith(`${name} `));
    const tooltip = await waitFor('the tooltip with the limits', async () => {
      const text = await uiBridge.rowTooltip(CONTAINER, 'Containers', name);
      return /memory/.test(text) ? text : undefined;
    });
    assert.match(tooltip, /memory 4 GiB/, tooltip);
    assert.doesNotMatch(tooltip, /\bGB\b|\bMB\b/, tooltip);
  });

  it('names the gateway of a network created without --gateway, as the engine assigns it', async () => {
    const netName = `${mine}-gw`;
    await docker.createNetwork({ Name: netName, Driver: 'bridge', Labels: { [TEST_LABEL]: 'true' }, IPAM: { Driver: 'default', Config: [{ Subnet: '10.176.243.0/24' }] } });
    const row = await waitForRow('Networks', 'the new network', (r) => r.startsWith(`${netName} `));
    assert.match(row, /10\.176\.243\.0\/24 via 10\.176\.243\.1/);
    const tooltip = await waitFor('the network tooltip', async () => {
      const text = await uiBridge.rowTooltip(CONTAINER, 'Networks', netName);
      return /Gateway/.test(text) ? text : undefined;
    });
    assert.match(tooltip, /Gateway: 10\.176\.243\.1/, tooltip);
  });

  it('gives the status bar item a spoken label that starts with the engine, not the icon name', async () => {
    const state = api.engineState();
    assert.ok(state.kind === 'connected');
    const labels = await waitFor('the engine item in the status bar', async () => {
      const all = await uiBridge.statusBarAriaLabels();
      return all.some((l) => l.includes(state.version.version)) ? all : undefined;
    });
    const label = labels.find((l) => l.includes(state.version.version))!;
    assert.match(label, /^Docker engine .*version .*connected$/, label);
    assert.doesNotMatch(label, /vm-active/, label);
  });

  it('names the view in each Filter command and finds "Run..." typed with ASCII dots', async () => {
    void vscode.commands.executeCommand('workbench.action.quickOpen', '>Dockside: Filter');
    const filters = await waitFor('the Filter commands in the palette', async () => {
      const rows = (await uiBridge.quickPickItems()).filter((r) => /Dockside: Filter/.test(r));
      return rows.length >= 5 ? rows : undefined;
    });
    await uiBridge.pressKey('Escape');
    const titles = filters.map((r) => /Dockside: Filter [^.]*\.\.\./.exec(r)?.[0]);
    assert.deepEqual(new Set(titles), new Set(['Dockside: Filter Containers...', 'Dockside: Filter Images...', 'Dockside: Filter Networks...', 'Dockside: Filter Volumes...', 'Dockside: Filter Logs...']), filters.join(' | '));
    void vscode.commands.executeCommand('workbench.action.quickOpen', '>Run...');
    const runs = await waitFor('"Run..." in the palette', async () => {
      const rows = await uiBridge.quickPickItems();
      return rows.some((r) => r.startsWith('Dockside: Run...')) ? rows : undefined;
    });
    await uiBridge.pressKey('Escape');
    assert.ok(runs.some((r) => r.startsWith('Dockside: Run...')), runs.join(' | '));
  });

  it('offers only commands that act on many when many containers are selected, with short titles', async () => {
    const names = [testName('multi-a'), testName('multi-b')];
    for (const name of names) await (await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['sleep', '3600'], Labels: { [TEST_LABEL]: 'true' } })).start();
    for (const name of names) await waitForRow('Containers', name, (r) => r.startsWith(`${name} `) && / Up /.test(r));
    assert.equal(await uiBridge.selectViewRows(CONTAINER, 'Containers', [names[0]]), 1);
    const single = await uiBridge.rowContextMenu(CONTAINER, 'Containers', names[0]);
    assert.ok(single.includes('Rename Container...') && single.includes('Open Shell'), single.join(' | '));
    assert.ok(single.includes('Stop'), `a short Stop title: ${single.join(' | ')}`);
    assert.equal(await uiBridge.selectViewRows(CONTAINER, 'Containers', names), 2);
    const many = await uiBridge.rowContextMenu(CONTAINER, 'Containers', names[1]);
    await uiBridge.screenshot('newuser-multiselect-menu');
    assert.ok(many.includes('Stop') && many.includes('Remove Container...'), many.join(' | '));
    for (const one of ['Rename Container...', 'Commit to Image...', 'Open Shell', 'Open Shell As...', 'Update Resources and Restart Policy...', 'Show Processes']) {
      assert.ok(!many.includes(one), `${one} is hidden for a multi-selection: ${many.join(' | ')}`);
    }
    await uiBridge.pressKey('Escape');
  });

  it('says in the title and the first line that a logs terminal is filtered, with Filter in the terminal menu', async () => {
    const c = await runningContainer('logfilter', ['sh', '-c', 'echo alpha-line; echo beta-line; sleep 3600']);
    await vscode.commands.executeCommand('dockside.containers.followLogs', { container: { ...c, state: 'running' } });
    const terminal = await terminalNamed(new RegExp(`^Logs: ${c.name}$`));
    terminal.show();
    await waitForScreen(terminal, /beta-line/, 'the log lines');
    const menu = await waitFor('the terminal context menu', async () => {
      const items = await uiBridge.contextMenuAt('.terminal-wrapper.active .xterm-screen');
      return items.length ? items : undefined;
    });
    assert.ok(menu.includes('Filter Logs...'), menu.join(' | '));
    const filtering = vscode.commands.executeCommand('dockside.logs.filter');
    await waitFor('the filter input', async () => /lines matching/.test(await uiBridge.visibleTexts('.quick-input-widget').then((t) => t.join(' '))));
    await uiBridge.fillQuickInput('beta');
    await uiBridge.pressKey('Enter');
    await filtering;
    const text = await waitForScreen(terminal, /Filter: only lines matching beta/, 'the filter header');
    assert.doesNotMatch(text, /alpha-line/);
    assert.match(text, /beta-line/);
    const title = await waitFor('the filtered title', async () => {
      const titles = await uiBridge.visibleTexts('.single-terminal-tab, .terminal-tabs-entry');
      return titles.find((t) => t.includes('(filter: beta)'));
    });
    assert.match(title, new RegExp(`Logs: ${c.name} \\(filter: beta\\)`));
    await uiBridge.screenshot('newuser-filtered-logs');
  });

  it('ends a shell after `exit 3` with only its own message, no VS Code error notification', async () => {
    const c = await runningContainer('exit3');
    await vscode.commands.executeCommand('dockside.containers.openShell', { container: { ...c, state: 'running' } });
    const terminal = await terminalNamed(new RegExp(`^${c.name}: sh$`));
    terminal.show();
    await waitForScreen(terminal, /\/ #/, 'the shell prompt');
    await type(terminal, 'exit 3');
    await waitForScreen(terminal, /The shell exited with code 3/, 'our exit message');
    await uiBridge.typeInTerminal('x');
    await waitFor('the terminal to close', () => !vscode.window.terminals.includes(terminal));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const notes = await uiBridge.notificationTexts();
    assert.ok(!notes.some((n) => /exit code/i.test(n)), `no exit-code notification: ${notes.join(' | ')}`);
  });

  it('names the container in the stats tab', async () => {
    const c = await runningContainer('statstab');
    await vscode.commands.executeCommand('dockside.containers.showStats', { container: { ...c, state: 'running' } });
    const tab = await waitFor('the stats tab', async () => (await uiBridge.visibleTexts('.tabs-container .tab .label-name')).find((t) => t.startsWith('Stats')));
    assert.equal(tab, `Stats: ${c.name}`);
  });

  it('asks before building an unsaved Dockerfile, and a failure quotes the command\'s last error lines', async function () {
    this.timeout(120_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-newuser-build-'));
    const file = path.join(scratch, 'Dockerfile');
    fs.writeFileSync(file, `FROM ${TEST_IMAGE}\nRUN echo first step\n`);
    const tag = `${mine}-build:1`;
    try {
      const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
      await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'RUN printf "%b[1m%s%b[0m\\n" "\\033" compiling "\\033" && echo "E: Unable to locate package nosuchpkg" >&2 && exit 100\n'));
      assert.ok(editor.document.isDirty);
      const building = vscode.commands.executeCommand<{ ok: boolean }>('dockside.images.build', editor.document.uri, { tag, contextDir: scratch, target: undefined, buildArgs: {}, noCache: true });
      await waitFor('the unsaved-changes question', async () => (await uiBridge.quickPickItems()).some((r) => r.includes('Save and Build')));
      assert.match(await uiBridge.quickInputTitle(), /unsaved changes/);
      await uiBridge.pressKey('Enter');
      const outcome = await building;
      assert.equal(outcome.ok, false);
      assert.equal(editor.document.isDirty, false, 'saved before the build');
      const [diagnostic] = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'docker build');
      assert.equal(diagnostic.range.start.line, 2);
      assert.match(diagnostic.message, /E: Unable to locate package nosuchpkg/, diagnostic.message);
      const toast = await waitFor('the failure toast', async () => (await uiBridge.notificationTexts()).find((t) => /Build failed/.test(t)));
      assert.match(toast, /Unable to locate package nosuchpkg/, toast);
      const output = await waitFor('the build output', async () => {
        const text = (await uiBridge.visibleTexts('[id="workbench.panel.output"] .view-lines')).join('\n');
        return /compiling/.test(text) ? text : undefined;
      });
      await uiBridge.screenshot('newuser-build-output');
      // The printed word comes without its colour codes (the command line holds none of them literally).
      assert.doesNotMatch(output, /\[1mcompiling|compiling\S*\[0m|\[91m|\u241b|\u001b/, output);
    } finally {
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('asks which Dockerfile to build when the active editor is not one', async () => {
    const readme = vscode.workspace.workspaceFolders![0].uri.fsPath + '/README.md';
    await vscode.window.showTextDocument(vscode.Uri.file(readme));
    const building = vscode.commands.executeCommand('dockside.images.build').then((o) => (o === undefined ? 'cancelled' : 'built'), () => 'cancelled');
    await waitFor('the Dockerfile pick', async () => (await uiBridge.quickPickItems()).some((r) => /Dockerfile/.test(r)));
    // The workspace holds many Dockerfiles (the rule fixtures among them): narrow the pick as a user would.
    await uiBridge.fillQuickInput('build/app');
    const rows = await waitFor('the narrowed pick', async () => {
      const items = await uiBridge.quickPickItems();
      return items.some((r) => /build\/app\/Dockerfile/.test(r)) ? items : undefined;
    }).catch(async (e: Error) => {
      throw new Error(`${e.message}; the pick shows ${(await uiBridge.quickPickItems()).join(' | ')}`);
    });
    assert.ok(rows.every((r) => /build\/app/.test(r)), rows.join(' | '));
    await uiBridge.pressKey('Escape');
    assert.equal(await building, 'cancelled');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('creates a network in one multi-step input with a step counter and Back', async () => {
    const name = `${mine}-steps`;
    const creating = vscode.commands.executeCommand<string>('dockside.networks.create');
    await answerInput('Network name', name);
    await waitFor('the driver step', async () => (await uiBridge.quickPickItems()).some((r) => r.startsWith('bridge')));
    await uiBridge.screenshot('newuser-network-steps');
    let shown = '';
    await waitFor('the step counter', async () => /Create Network.*2\/5/.test((shown = (await uiBridge.visibleTexts('.quick-input-widget .quick-input-titlebar')).join(' ')))).catch((e: Error) => {
      throw new Error(`${e.message}; the title bar shows "${shown}"`);
    });
    await uiBridge.pressKey('Enter');
    await answerInput('Subnet in CIDR form', '10.176.246.0/24');
    await waitFor('the IP range step', async () => /IP range/.test(await uiBridge.quickInputMessage()));
    const title = (await uiBridge.visibleTexts('.quick-input-widget .quick-input-titlebar')).join(' ');
    assert.match(title, /4\/7/, `a subnet adds the IP range and gateway steps: ${title}`);
    await uiBridge.clickSelector('.quick-input-widget .quick-input-left-action-bar .action-label, .quick-input-widget .codicon-quick-input-back');
    await waitFor('the subnet step again, with its answer', async () => /Subnet in CIDR form/.test(await uiBridge.quickInputMessage()) && (await uiBridge.quickInputValue()) === '10.176.246.0/24');
    await uiBridge.pressKey('Enter');
    await answerInput('IP range', '');
    await answerInput('Gateway address', '10.176.246.1');
    await acceptPick('attachable');
    await answerInput('Labels', `${TEST_LABEL}=true`);
    const info = await docker.getNetwork((await creating)!).inspect();
    assert.equal(info.Name, name);
    assert.deepEqual(info.IPAM?.Config, [{ Subnet: '10.176.246.0/24', Gateway: '10.176.246.1' }]);
  });

  it('writes dates in the display language\'s one format, in tooltips and documents alike', async function () {
    this.timeout(120_000);
    const image = (await testClient().listImages()).find((i) => i.repoTags.includes(TEST_IMAGE))!;
    const [repository, tag] = TEST_IMAGE.split(':');
    const [uri] = (await vscode.commands.executeCommand<vscode.Uri[]>('dockside.images.history', { kind: 'image', id: `${image.id}/${TEST_IMAGE}`, image, reference: TEST_IMAGE, repository, tag }))!;
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const english = /[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}\s?[AP]M/;
    assert.match(text, english, text);
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'no ISO dates beside the display language\'s');
    const c = await runningContainer('dates');
    await waitForRow('Containers', 'the container', (r) => r.startsWith(`${c.name} `));
    const tooltip = await waitFor('the tooltip', async () => {
      const t = await uiBridge.rowTooltip(CONTAINER, 'Containers', c.name);
      return /Created/.test(t) ? t : undefined;
      // A hover that does not show costs the bridge 30 s: long enough for a second hover after one such.
    }, 70_000);
    assert.match(/Created: ([^\n]+)/.exec(tooltip)![1], english, tooltip);
  });

  it('completes apt-get words after RUN and offers the host platform first after FROM', async function () {
    this.timeout(90_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-newuser-complete-'));
    const file = path.join(scratch, 'Dockerfile');
    fs.writeFileSync(file, 'FROM \nRUN apt-get \n');
    try {
      const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
      const suggestions = async (line: number, character: number, expect: RegExp) => {
        editor.selection = new vscode.Selection(line, character, line, character);
        return waitFor(`suggestions matching ${expect}`, async () => {
          await vscode.commands.executeCommand('editor.action.triggerSuggest');
          await new Promise((r) => setTimeout(r, 300));
          const rows = await uiBridge.visibleTexts('.suggest-widget .monaco-list-row');
          return rows.some((r) => expect.test(r)) ? rows : undefined;
        }, 45_000);
      };
      const apt = await suggestions(1, 12, /^install/);
      await uiBridge.screenshot('newuser-apt-completion');
      assert.ok(apt.slice(0, 3).some((r) => r.startsWith('install')), apt.join(' | '));
      assert.ok(apt.some((r) => r.startsWith('-y')) && apt.some((r) => r.startsWith('--no-install-recommends')), apt.join(' | '));
      await vscode.commands.executeCommand('hideSuggestWidget');
      const from = await suggestions(0, 5, /--platform=/);
      const host = process.arch === 'arm64' ? 'linux/arm64' : 'linux/amd64';
      assert.ok(from[0].startsWith(`--platform=${host}`), from.join(' | '));
      assert.ok(!from.some((r) => r.startsWith('--platform=arm64')), from.join(' | '));
      await vscode.commands.executeCommand('hideSuggestWidget');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('opens a rule link from the Problems panel as the rule\'s own section, rendered', async function () {
    this.timeout(90_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-newuser-rules-'));
    const file = vscode.Uri.file(path.join(scratch, 'Dockerfile'));
    fs.writeFileSync(file.fsPath, 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n');
    try {
      // Other suites' Dockerfiles would fill the Problems panel: only this one stays open.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.window.showTextDocument(file);
      const diagnostic = await waitFor('DL3008 on the RUN line', () => vscode.languages.getDiagnostics(file).find((d) => typeof d.code === 'object' && d.code.value === 'DL3008'), 45_000);
      const target = (diagnostic.code as { target: vscode.Uri }).target;
      assert.equal(target.scheme, 'command', target.toString());
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      // Other suites leave findings of their own files (the compose CLI's among them) that push this one out of
      // a short panel: filter the panel as a user would.
      // A click puts the caret in the filter box: a keystroke that missed it would land in the Dockerfile.
      await waitFor('the Problems filter', async () => (await uiBridge.visibleTexts('.viewpane-filter input')).length > 0);
      await uiBridge.clickSelector('.viewpane-filter input');
      await uiBridge.typeText('DL3008');
      await waitFor('the DL3008 link in the Problems panel', async () => (await uiBridge.visibleTexts('.markers-panel .monaco-list-row')).some((r) => r.includes('DL3008')));
      // The DL3008 row's own link: other findings of the file have links too.
      await uiBridge.clickSelector('.markers-panel .monaco-list-row a.monaco-link:has-text("DL3008")');
      const shown = await waitFor('the rendered rule section', async () => (await uiBridge.webviewTexts()).find((t) => t.includes('Pin versions in apt-get install')));
      await uiBridge.screenshot('newuser-rule-docs');
      assert.match(shown, /^DL3008/);
      assert.doesNotMatch(shown, /## |DL3009|DL3007/, 'only the rule\'s own section, rendered');
      const tabs = await uiBridge.visibleTexts('.tabs-container .tab .label-name');
      assert.ok(tabs.includes('Rule DL3008'), tabs.join(' | '));
    } finally {
      await vscode.commands.executeCommand('problems.action.clearFilterText').then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  describe('the Run... form', () => {
    interface FormPanel { ready: Promise<void>; submit(action: 'run' | 'copy' | 'save', options?: object): Promise<void> }
    const openForm = async (options: object) => {
      const panel = (await vscode.commands.executeCommand<FormPanel>('dockside.images.runWithOptions', { image: TEST_IMAGE, ...options }))!;
      await panel.ready;
      await waitFor('the form in the page', async () => (await uiBridge.webviewTexts()).some((t) => /Paste a docker run line/.test(t)));
      return panel;
    };
    const formText = async () => (await uiBridge.webviewTexts()).find((t) => /Paste a docker run line/.test(t)) ?? '';
    afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('on Run with errors, lists them at the top and focuses the first, visibly disabled', async () => {
      await openForm({ ports: ['99999:80'] });
      await waitFor('the port error', async () => /99999/.test(await formText()));
      assert.notEqual(await uiBridge.webviewAct('#run[aria-disabled="true"]', 'value'), false, 'Run shows as disabled');
      await uiBridge.webviewAct('#run', 'click');
      const text = await waitFor('the summary', async () => ((t) => (/Fix these before running/.test(t) ? t : undefined))(await formText()));
      assert.ok(text.indexOf('Fix these before running') < text.indexOf('Paste a docker run line'), 'the summary is at the top');
      assert.equal(await uiBridge.webviewAct('#ports', 'focused'), true, 'the first field in error has the focus');
      await uiBridge.screenshot('newuser-run-summary');
    });

    it('shows an engine refusal at the top in plain words, without a toast, and leaves no named volume', async () => {
      const volume = `${mine}-vol`;
      await openForm({});
      await uiBridge.webviewAct('#volumes', 'fill', `${volume}:/data`);
      await uiBridge.webviewAct('#devices', 'fill', '/dev/dockside-no-such-device');
      await uiBridge.webviewAct('#labels', 'fill', `${TEST_LABEL}=true`);
      await new Promise((r) => setTimeout(r, 600));
      await uiBridge.webviewAct('#run', 'click');
      const text = await waitFor('the plain refusal', async () => ((t) => (/does not exist on the engine's machine/.test(t) ? t : undefined))(await formText()));
      assert.match(text, /The device \/dev\/dockside-no-such-device does not exist/);
      assert.ok(text.indexOf('does not exist') < text.indexOf('Paste a docker run line'), 'the refusal is at the top');
      const notes = await uiBridge.notificationTexts();
      assert.ok(!notes.some((n) => /device/.test(n)), `no toast: ${notes.join(' | ')}`);
      const volumes = ((await docker.listVolumes()) as { Volumes?: { Name: string }[] }).Volumes ?? [];
      assert.ok(!volumes.some((v) => v.Name === volume), 'the failed start left no volume');
      await uiBridge.webviewAct('#devices', 'fill', '');
      await waitFor('the refusal cleared on the next change', async () => !/does not exist on the engine's machine/.test(await formText()));
    });

    it('fills the form from a pasted docker run line and names what it cannot hold', async () => {
      await openForm({});
      await uiBridge.webviewAct('#paste', 'fill', `docker run -d --name ${mine}-pasted -p 127.0.0.1:8099:80 -e 'GREETING=ni hao' --add-host db:10.0.0.2 ${TEST_IMAGE} httpd -f`);
      await uiBridge.webviewAct('#fill', 'click');
      await waitFor('the name field filled', async () => (await uiBridge.webviewAct('#name', 'value')) === `${mine}-pasted`);
      assert.equal(await uiBridge.webviewAct('#ports', 'value'), '127.0.0.1:8099:80');
      assert.equal(await uiBridge.webviewAct('#env', 'value'), 'GREETING=ni hao');
      assert.equal(await uiBridge.webviewAct('#command', 'value'), 'httpd -f');
      assert.match(await formText(), /no field for --add-host db:10\.0\.0\.2/);
      await waitFor('the equivalent line', async () => (await formText()).includes(`docker run -d --name ${mine}-pasted -p 127.0.0.1:8099:80 -e 'GREETING=ni hao' ${TEST_IMAGE} httpd -f`));
    });
  });
});
