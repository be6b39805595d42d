// A build task's execution against the real engine: a tiny Dockerfile builds to exit code 0, and a failing
// one ends with 1 and one line the `$dockside-build` matcher reads, on the failing instruction's line, with
// either builder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as engine from '../../../src/engine/index';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { runBuildTask } from '../../../src/tasks/buildTaskRun';
import { PROBLEM_PATTERN, buildRequest } from '../../../src/tasks/taskDefinitions';
import { TEST_IMAGE, TEST_LABEL, testDocker, testName } from '../../support/testEngine';

describe('build task (live engine)', function () {
  this.timeout(120_000);
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-tasks-'));
  const images: string[] = [];

  before(() => {
    fs.mkdirSync(path.join(folder, 'ok'));
    fs.writeFileSync(path.join(folder, 'ok', 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo built-by-task > /task.txt\n`);
    fs.mkdirSync(path.join(folder, 'bad'));
    fs.writeFileSync(path.join(folder, 'bad', 'Dockerfile'), `FROM ${TEST_IMAGE}\n# the next line fails\nRUN echo going-down \\\n  && exit 3\nRUN echo never\n`);
  });

  after(async () => {
    for (const image of images) await docker.getImage(image).remove({ force: true }).catch(() => undefined);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const run = async (dockerfile: string, builder: 'classic' | 'buildkit') => {
    const tag = `${testName(`tasks-${builder}`)}:latest`;
    images.push(tag);
    let output = '';
    const code = await runBuildTask(engine, client, buildRequest({ type: 'dockside', task: 'build', dockerfile, tag }, folder), builder, { write: (t) => (output += t), labels: { [TEST_LABEL]: 'true' } });
    return { code, output, tag };
  };

  it('builds a tiny Dockerfile to exit code 0 and streams its output', async () => {
    const { code, output, tag } = await run('ok/Dockerfile', 'classic');
    assert.equal(code, 0, output);
    assert.match(output, /RUN echo built-by-task/);
    assert.match(output, new RegExp(`Built ${tag.replace(/[.:]/g, '\\$&')} in \\d+\\.\\d s\\.`));
    assert.ok((await docker.getImage(tag).inspect()).Id);
  });

  for (const builder of ['classic', 'buildkit'] as const) {
    it(`ends a failing build (${builder}) with 1 and a problem line on the failing instruction`, async () => {
      const { code, output } = await run('bad/Dockerfile', builder);
      assert.equal(code, 1, output);
      const problems = output.split('\r\n').map((l) => PROBLEM_PATTERN.exec(l)).filter((m) => m !== null);
      assert.equal(problems.length, 1, output);
      const [, file, line, severity, message] = problems[0]!;
      assert.equal(file, path.join(folder, 'bad', 'Dockerfile'));
      assert.equal(line, '3');
      assert.equal(severity, 'error');
      assert.match(message, /3/);
      assert.doesNotMatch(output, /RUN echo never\r\n.*Step/);
    });
  }
});
