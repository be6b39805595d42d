// The dockside task provider in a real VS Code against the real engine: Run Task lists the workspace's
// Dockerfile as a build task, a failing build task puts its line in Problems through the $dockside-build
// matcher, and a successful one ends with exit code 0; compose tasks bring a project up and down, and a
// broken compose file lands in Problems through $dockside-compose.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { testDocker } from '../../support/testEngine';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

function ended(execution: vscode.TaskExecution): Promise<number | undefined> {
  return new Promise((resolve) => {
    const subscription = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution !== execution) return;
      subscription.dispose();
      resolve(e.exitCode);
    });
  });
}

describe('Tasks (issue 18): the dockside build task and its problem matcher', function () {
  this.timeout(180_000);
  const folder = () => vscode.workspace.workspaceFolders![0];
  const failingDir = () => path.join(folder().uri.fsPath, 'build', `tasks-fail-${process.pid}`);
  const tag = `dockside-test-tasks-${process.pid}:latest`;
  const project = `dockside-test-tasks-${process.pid}`;
  const composeDir = () => path.join(folder().uri.fsPath, 'build', project);

  before(async () => {
    await vscode.extensions.getExtension('dockside.dockside')!.activate();
  });
  after(async () => {
    fs.rmSync(failingDir(), { recursive: true, force: true });
    fs.rmSync(composeDir(), { recursive: true, force: true });
    for (const c of await testDocker().listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } })) await testDocker().getContainer(c.Id).remove({ force: true }).catch(() => undefined);
    await testDocker().getImage(tag).remove({ force: true }).catch(() => undefined);
  });

  const buildTask = async (dockerfile: string) => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'dockside' });
    return tasks.find((t) => t.definition.task === 'build' && t.definition.dockerfile === dockerfile);
  };

  it('lists the build task, puts a failing build in Problems, and ends a good one with 0', async () => {
    const app = await buildTask('build/app/Dockerfile');
    assert.ok(app, 'fetchTasks lists build/app/Dockerfile');
    assert.equal(app.source, 'dockside');

    fs.mkdirSync(failingDir(), { recursive: true });
    const dockerfile = path.join(failingDir(), 'Dockerfile');
    fs.writeFileSync(dockerfile, 'FROM dockside-test/busybox:latest\nRUN echo fine\nRUN echo about to fail && exit 3\n');
    const relative = vscode.workspace.asRelativePath(dockerfile, false);
    const failing = await waitFor('the failing Dockerfile as a task', () => buildTask(relative));
    const failed = await vscode.tasks.executeTask(failing);
    assert.equal(await ended(failed), 1);
    const uri = vscode.Uri.file(dockerfile);
    const problem = await waitFor('the matcher diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'docker build' && /exit code: 3|non-zero code: 3/.test(d.message)));
    assert.equal(problem.range.start.line, 2, 'the third line: RUN … exit 3');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    if (uiBridge.available) await uiBridge.screenshot('task-build-problem');

    const good = new vscode.Task({ ...app.definition, tag }, folder(), 'build app (test)', 'dockside', app.execution, ['$dockside-build']);
    const succeeded = await vscode.tasks.executeTask(good);
    assert.equal(await ended(succeeded), 0);
    assert.ok((await testDocker().getImage(tag).inspect()).Id);
  });

  it('brings a compose project up and down as tasks, ending with 0', async function () {
    if (!fs.existsSync('/usr/bin/docker-compose') && !fs.existsSync('/usr/local/bin/docker-compose')) this.skip();
    fs.mkdirSync(composeDir(), { recursive: true });
    fs.writeFileSync(path.join(composeDir(), 'compose.yaml'), 'services:\n  app:\n    image: dockside-test/busybox:latest\n    command: ["sleep", "300"]\n    labels: [dockside.test=true]\n');
    const file = vscode.workspace.asRelativePath(path.join(composeDir(), 'compose.yaml'), false);
    const find = (action: string) => waitFor(`compose ${action} as a task`, async () => (await vscode.tasks.fetchTasks({ type: 'dockside' })).find((t) => t.definition.task === 'compose' && t.definition.action === action && t.definition.file === file));
    const running = () => testDocker().listContainers({ filters: { label: [`com.docker.compose.project=${project}`] } });
    assert.equal(await ended(await vscode.tasks.executeTask(await find('up'))), 0);
    assert.equal((await running()).length, 1, 'the app service runs');
    assert.equal(await ended(await vscode.tasks.executeTask(await find('down'))), 0);
    assert.equal((await testDocker().listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } })).length, 0, 'down removed it');
  });

  it('puts the line compose names for a broken file in Problems through $dockside-compose', async function () {
    const cliFound = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose', '/usr/libexec/docker/cli-plugins/docker-compose', '/usr/local/lib/docker/cli-plugins/docker-compose'].some((f) => fs.existsSync(f));
    if (!cliFound) this.skip();
    const dir = path.join(composeDir(), `${project}-broken`);
    fs.mkdirSync(dir, { recursive: true });
    const composeFile = path.join(dir, 'compose.yaml');
    // The fourth line is indented one space short: compose cannot read the file.
    fs.writeFileSync(composeFile, 'services:\n  app:\n    image: dockside-test/busybox:latest\n   command: ["sleep", "300"]\n');
    const definition = { type: 'dockside', task: 'compose', action: 'up', file: vscode.workspace.asRelativePath(composeFile, false) };
    const fetched = await waitFor('the broken compose file as a task', async () => (await vscode.tasks.fetchTasks({ type: 'dockside' })).find((t) => t.definition.task === 'compose' && t.definition.action === 'up' && t.definition.file === definition.file));
    assert.deepEqual(fetched.problemMatchers, ['$dockside-compose']);
    assert.notEqual(await ended(await vscode.tasks.executeTask(fetched)), 0);
    const uri = vscode.Uri.file(composeFile);
    const problem = await waitFor('the matcher diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'compose'));
    assert.equal(problem.range.start.line, 3, 'the fourth line, where compose says the problem is');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /expected <block end>|did not find expected key/);
    if (uiBridge.available) {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      // Earlier suites leave problems of their own: show only this file's, as a user would filter.
      await vscode.commands.executeCommand('problems.action.focusFilter');
      await uiBridge.typeText(`**/${project}-broken/**`);
      const rows = await waitFor('the problem in the Problems panel', async () => {
        const shown = await uiBridge.visibleTexts('.markers-panel .monaco-list-row');
        return shown.some((r) => /expected <block end>|did not find expected key/.test(r)) ? shown : undefined;
      }, 15_000);
      assert.ok(rows.some((r) => r.includes('compose.yaml')), rows.join(' | '));
      await uiBridge.screenshot('task-compose-problem');
      await vscode.commands.executeCommand('problems.action.clearFilterText');
      await vscode.commands.executeCommand('workbench.action.closePanel');
    }
    assert.equal((await testDocker().listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}-broken`] } })).length, 0, 'nothing came up');
  });
});
