// Build in a real VS Code against the real engine: a two-stage Dockerfile from the local test image builds
// with args and a target, a .dockerignore'd file never reaches the image, and a failing RUN becomes a
// diagnostic on its line that the next successful build clears.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BUILD_FIXTURES, runInImage } from '../../unit/build/buildFixtures';
import { TEST_IMAGE, testDocker, testName } from '../../support/testEngine';
import { uiBridge } from '../support/uiBridge';

interface BuildOutcome {
  readonly ok: boolean;
  readonly imageId?: string;
  readonly builder: string;
  readonly diagnostic?: vscode.Diagnostic;
}

describe('Build (issue 5): args, target, .dockerignore and failure diagnostics', function () {
  this.timeout(120_000);
  const docker = testDocker();
  const images: string[] = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-build-'));

  before(async () => {
    await vscode.extensions.getExtension('dockside.dockside')!.activate();
  });
  after(async () => {
    for (const image of images) await docker.getImage(image).remove({ force: true }).catch(() => undefined);
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('builds the runtime stage with build args, without the ignored files', async () => {
    const tag = `${testName('build-app')}:1`;
    images.push(tag);
    const dockerfile = vscode.Uri.file(path.join(BUILD_FIXTURES, 'app', 'Dockerfile'));
    const outcome = await vscode.commands.executeCommand<BuildOutcome>('dockside.images.build', dockerfile, {
      tag, contextDir: path.join(BUILD_FIXTURES, 'app'), target: 'runtime', buildArgs: { GREETING: 'ni hao', FLAVOUR: 'spicy', BASE: TEST_IMAGE }, noCache: false,
    });
    assert.equal(outcome.ok, true);
    assert.equal(runInImage(tag, 'cat /greeting.txt /flavour.txt'), 'ni hao from the builder\nspicy\n');
    const files = runInImage(tag, 'cd /ctx && find . -type f | sort');
    assert.doesNotMatch(files, /secret\.txt/);
    assert.doesNotMatch(files, /notes\.bak/);
    assert.match(files, /kept\.txt/);
    assert.equal(runInImage(tag, 'test -e /debug.txt && echo debug || echo no-debug'), 'no-debug\n', 'the target stops at runtime');
  });

  it('puts a failing RUN on its line, and the next successful build clears it', async () => {
    const file = path.join(scratch, 'Dockerfile');
    fs.copyFileSync(path.join(BUILD_FIXTURES, 'failing', 'Dockerfile'), file);
    const dockerfile = vscode.Uri.file(file);
    const tag = `${testName('build-fail')}:1`;
    images.push(tag);
    const failed = await vscode.commands.executeCommand<BuildOutcome>('dockside.images.build', dockerfile, { tag, contextDir: scratch, target: undefined, buildArgs: {}, noCache: true });
    assert.equal(failed.ok, false);
    const diagnostics = vscode.languages.getDiagnostics(dockerfile).filter((d) => d.source === 'docker build');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].range.start.line, 2, 'the third line: RUN echo about to fail && exit 3');
    assert.match(diagnostics[0].message, /returned a non-zero code: 3|exit code: 3/);
    if (uiBridge.available) {
      await vscode.window.showTextDocument(dockerfile);
      await uiBridge.screenshot('build-failure-diagnostic');
    }

    fs.writeFileSync(file, 'FROM dockside-test/busybox:latest\nRUN echo fixed\n');
    const fixed = await vscode.commands.executeCommand<BuildOutcome>('dockside.images.build', dockerfile, { tag, contextDir: scratch, target: undefined, buildArgs: {}, noCache: false });
    assert.equal(fixed.ok, true);
    assert.deepEqual(vscode.languages.getDiagnostics(dockerfile).filter((d) => d.source === 'docker build'), []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
