// Builds against the real engine: the context honours .dockerignore exactly as the docker CLI's does, args
// and target reach the builder, a failing RUN names its instruction, cancelling stops the engine, and both
// the classic builder and BuildKit work.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildImage, BuildFailure, preferredBuilder, type BuildEvent, type Builder } from '../../../src/engine/build';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { isEngineError } from '../../../src/engine/errors';
import { TEST_IMAGE, TEST_LABEL, testDocker, testName } from '../../support/testEngine';
import { BUILD_FIXTURES, runInImage } from './buildFixtures';

const MiB = 1024 * 1024;

describe('build (live engine)', function () {
  this.timeout(120_000);
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
  const images: string[] = [];
  const app = path.join(BUILD_FIXTURES, 'app');
  const tag = (what: string) => {
    const t = `${testName(`build-${what}`)}:latest`;
    images.push(t);
    return t;
  };

  after(async () => {
    for (const image of images) await docker.getImage(image).remove({ force: true }).catch(() => undefined);
  });

  it('sends the same context files as the docker CLI for a .dockerignore with exceptions', async () => {
    const ours = tag('ctx-ours');
    const theirs = tag('ctx-cli');
    await buildImage(client, { contextDir: app, dockerfile: path.join(app, 'Dockerfile'), tag: ours, builder: 'classic', target: 'runtime', labels: { [TEST_LABEL]: 'true' } }, () => undefined);
    execFileSync('docker', ['build', '-q', '--target', 'runtime', '--label', `${TEST_LABEL}=true`, '-t', theirs, app], { env: { ...process.env, DOCKER_BUILDKIT: '0' }, stdio: 'pipe' });
    const list = (image: string) => runInImage(image, 'cd /ctx && find . | sort');
    const ourFiles = list(ours);
    assert.equal(ourFiles, list(theirs));
    assert.doesNotMatch(ourFiles, /secret\.txt|notes\.bak|nested\/a\/drop\.me/);
    assert.match(ourFiles, /nested\/keep\/b\/drop\.me/);
    assert.match(ourFiles, /\.\/Dockerfile/);
  });

  it('sends a context bigger than its read buffers byte for byte (checksums inside the image)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-build-bytes-'));
    try {
      const sums: string[] = [];
      for (let i = 0; i < 24; i++) {
        const content = crypto.randomBytes(MiB / 2 + i * 100_003);
        fs.writeFileSync(path.join(dir, `part-${String(i).padStart(2, '0')}.bin`), content);
        sums.push(`${crypto.createHash('sha256').update(content).digest('hex')}  part-${String(i).padStart(2, '0')}.bin`);
      }
      fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nCOPY *.bin /ctx/\n`);
      const image = tag('bytes');
      const result = await buildImage(client, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: image, builder: 'classic', labels: { [TEST_LABEL]: 'true' } }, () => undefined);
      assert.ok(result.contextBytes > 24 * (MiB / 2));
      assert.equal(runInImage(image, 'cd /ctx && sha256sum *.bin'), `${sums.join('\n')}\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const builder of ['classic', 'buildkit'] as Builder[]) {
    it(`builds a two-stage Dockerfile with args and a target (${builder})`, async () => {
      const image = tag(`args-${builder}`);
      const steps: string[] = [];
      const onEvent = (e: BuildEvent) => e.kind === 'step' && steps.push(e.instruction);
      const result = await buildImage(client, {
        contextDir: app, dockerfile: path.join(app, 'Dockerfile'), tag: image, builder, target: 'runtime',
        buildArgs: { GREETING: 'ni hao', FLAVOUR: 'spicy', BASE: TEST_IMAGE }, labels: { [TEST_LABEL]: 'true' },
      }, onEvent);
      assert.match(result.imageId, /^sha256:[0-9a-f]{64}$|^[0-9a-f]{12,}$/);
      assert.equal(runInImage(image, 'cat /greeting.txt /flavour.txt; test -e /debug.txt && echo has-debug || echo no-debug'), 'ni hao from the builder\nspicy\nno-debug\n');
      // BuildKit names steps with the ARG values substituted; the classic builder keeps the text.
      assert.ok(steps.some((s) => /RUN echo "(\$FLAVOUR|spicy)"/.test(s)), steps.join(' | '));
    });

    it(`names the failing instruction (${builder})`, async () => {
      const failing = path.join(BUILD_FIXTURES, 'failing');
      await assert.rejects(
        buildImage(client, { contextDir: failing, dockerfile: path.join(failing, 'Dockerfile'), tag: tag(`fail-${builder}`), builder, labels: { [TEST_LABEL]: 'true' } }, () => undefined),
        (error: unknown) => {
          assert.ok(error instanceof BuildFailure, String(error));
          assert.match(error.instruction ?? '', /RUN echo about to fail && exit 3/);
          assert.equal(error.stepNumber, 3);
          assert.match(error.message, /3/);
          return true;
        },
      );
    });
  }

  it('stops the engine-side build when cancelled', async () => {
    const controller = new AbortController();
    const slow = path.join(BUILD_FIXTURES, 'failing');
    const marker = testName('cancel');
    const started = Date.now();
    const build = buildImage(
      client,
      { contextDir: slow, dockerfile: path.join(slow, 'Dockerfile'), tag: tag('cancel'), builder: 'classic', buildArgs: {}, labels: { [TEST_LABEL]: 'true' }, noCache: true },
      (e) => e.kind === 'step' && e.current === 2 && controller.abort(),
      controller.signal,
    );
    await assert.rejects(build, (error: unknown) => isEngineError(error) && error.code === 'cancelled');
    assert.ok(Date.now() - started < 30_000);
    // No build container is left running once the request is gone.
    const running = await docker.listContainers({ filters: JSON.stringify({ ancestor: [TEST_IMAGE] }) });
    assert.ok(!running.some((c) => c.Command.includes('about to fail')), marker);
  });

  it('offers the builder the engine advertises', async () => {
    const builder = await preferredBuilder(client);
    assert.ok(builder === 'classic' || builder === 'buildkit');
  });
});
