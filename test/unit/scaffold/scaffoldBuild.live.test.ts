// Every generated Dockerfile builds, against local stand-ins for its base images: one image FROM the local
// busybox test image with stand-in build tools (test/fixtures/scaffold-standin) is tagged as each base
// image the templates name, so nothing is pulled. The tags are ours only while the test runs and are
// removed afterwards, also when a test fails; a tag that already names another image is never touched.
//
// Builders: the classic builder has no RUN --mount (it stops with "the --mount option requires BuildKit",
// checked below), so the files written for an engine that builds classic leave the cache mounts out and
// build with the classic builder here; the files with cache mounts build with the engine's own BuildKit
// (API version 2, its built-in Dockerfile frontend: no `# syntax=` line, so no frontend image is pulled).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildImage, type Builder } from '../../../src/engine/build';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { allBaseImages } from '../../../src/scaffold/baseImages';
import { TEST_IMAGE, TEST_LABEL, testDocker } from '../../support/testEngine';
import { execFileSync } from 'node:child_process';
import { fixtureFiles, fixtureNames, SCAFFOLD_FIXTURES, writeProject } from './scaffoldFixtures';

const STANDIN_CONTEXT = path.resolve(SCAFFOLD_FIXTURES, '../scaffold-standin');
const prefix = `h-scaffold-${process.pid}`;

/** What each fixture's runtime stage must hold: the proof that each stage ran its tools and copied their output. */
const builtFiles: Record<string, string[]> = {
  'node-npm': ['/app/node_modules/.installed', '/app/server.js', '/app/package.json'],
  'node-yarn': ['/app/node_modules/.installed', '/app/lib/worker.js'],
  'node-pnpm': ['/app/node_modules/.installed', '/app/dist/.built'],
  'python-flask': ['/opt/venv/bin/pip', '/opt/venv/lib/installed', '/app/app.py'],
  'python-fastapi': ['/opt/venv/lib/installed', '/app/main.py'],
  'go-cmd': ['/usr/local/bin/app', '/etc/ssl/certs/ca-certificates.crt'],
  'maven-spring': ['/app/app.jar'],
  'maven-plain': ['/app/app.jar'],
  'gradle-spring': ['/app/app.jar'],
  'dotnet-web': ['/app/Catalog.Api.dll'],
  'dotnet-console': ['/app/report-tool.dll'],
  'node-nolock': ['/app/node_modules/.installed', '/app/job.js'],
};

/** The paths of `paths` that exist in the image, looked up past its ENTRYPOINT. */
function existingIn(image: string, paths: readonly string[], name: string): string[] {
  const script = paths.map((f) => `test -e ${f} && echo ${f}`).join('; ');
  const args = ['run', '--rm', '--name', name, '--network', 'none', '--label', `${TEST_LABEL}=true`, '--entrypoint', '/bin/sh', image, '-c', `${script}; true`];
  return execFileSync('docker', args, { encoding: 'utf8' }).trim().split('\n');
}

describe('scaffold: generated Dockerfiles build (live engine, stand-in base images)', function () {
  this.timeout(300_000);
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
  const standIn = `${prefix}-standin:latest`;
  let standInId = '';
  const ourBaseTags: string[] = [];
  const builtImages: string[] = [];
  let scratch: string;

  const build = async (dir: string, tag: string, builder: Builder) => {
    builtImages.push(tag);
    const log: string[] = [];
    try {
      await buildImage(client, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag, builder, labels: { [TEST_LABEL]: 'true' } }, (e) => e.kind === 'log' && log.push(e.text));
    } catch (error) {
      throw new Error(`${tag} (${builder}) failed: ${(error as Error).message}\n${log.join('')}`);
    }
  };

  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    // Tag only names nobody uses: a real base image someone loaded here stays as it is.
    const taken = (await Promise.all(allBaseImages.map((image) => docker.getImage(image).inspect().then(() => image, () => undefined)))).filter(Boolean);
    assert.deepEqual(taken, [], 'these base image tags exist on the engine already; the test will not retag them');
    await build(STANDIN_CONTEXT, standIn, 'classic');
    standInId = (await docker.getImage(standIn).inspect()).Id;
    for (const image of allBaseImages) {
      const at = image.lastIndexOf(':');
      ourBaseTags.push(image);
      await docker.getImage(standInId).tag({ repo: image.slice(0, at), tag: image.slice(at + 1) });
    }
  });

  after(async () => {
    for (const image of builtImages.reverse()) await docker.getImage(image).remove({ force: true }).catch(() => undefined);
    // The classic builder keeps each build stage's steps as untagged child images of the stand-in.
    if (standInId) await removeDescendants(standInId);
    // Only tags that still name our stand-in: never another image that took a name meanwhile.
    for (const image of ourBaseTags) {
      const id = await docker.getImage(image).inspect().then((i) => i.Id, () => undefined);
      if (id === standInId) await docker.getImage(image).remove().catch(() => undefined);
    }
    if (standInId) await docker.getImage(standInId).remove().catch(() => undefined);
    fs.rmSync(scratch, { recursive: true, force: true });
    const left = await Promise.all(ourBaseTags.map((image) => docker.getImage(image).inspect().then(() => image, () => undefined)));
    assert.deepEqual(left.filter(Boolean), [], 'no stand-in base tag is left behind');
  });

  /** Every image built on `root` (not `root` itself), the newest first, so each is a leaf when it goes. */
  async function removeDescendants(root: string): Promise<void> {
    const all = await docker.listImages({ all: true });
    const children = new Map<string, string[]>();
    for (const image of all) children.set(image.ParentId, [...(children.get(image.ParentId) ?? []), image.Id]);
    const order: string[] = [];
    const visit = (id: string) => (children.get(id) ?? []).forEach((child) => (visit(child), order.push(child)));
    visit(root);
    for (const id of order) await docker.getImage(id).remove({ force: true }).catch(() => undefined);
  }

  it('stands in every base image from the local test image', async () => {
    assert.equal(TEST_IMAGE, 'dockside-test/busybox:latest');
    for (const image of allBaseImages) assert.equal((await docker.getImage(image).inspect()).Id, standInId, image);
  });

  it('the classic builder refuses RUN --mount: why files for a classic engine leave cache mounts out', async () => {
    const { files } = await fixtureFiles('node-npm', true);
    const dir = writeProject('node-npm', files, path.join(scratch, 'refused'));
    await assert.rejects(build(dir, `${prefix}-refused:latest`, 'classic'), /the --mount option requires BuildKit/);
  });

  for (const [cacheMounts, builder] of [[false, 'classic'], [true, 'buildkit']] as const) {
    it(`every Dockerfile ${cacheMounts ? 'with cache mounts builds with BuildKit' : 'without cache mounts builds with the classic builder'}`, async () => {
      for (const name of fixtureNames) {
        const { project, files } = await fixtureFiles(name, cacheMounts);
        const dir = writeProject(name, files, path.join(scratch, builder));
        const tag = `${prefix}-${name}-${builder}:latest`;
        await build(dir, tag, builder);
        assert.deepEqual(existingIn(tag, builtFiles[name], `${prefix}-probe-${name}-${builder}`), builtFiles[name], `${name}: the runtime stage holds what the build stage made`);
        const config = (await docker.getImage(tag).inspect()).Config as { User?: string; ExposedPorts?: Record<string, object>; Healthcheck?: { Test?: string[] } };
        assert.match(config.User ?? '', /^[1-9]\d*:[1-9]\d*$/, `${name} runs as a numeric non-root user`);
        const port = project.suggestedPort;
        assert.deepEqual(Object.keys(config.ExposedPorts ?? {}), port === undefined ? [] : [`${port}/tcp`], name);
        assert.equal(config.Healthcheck?.Test?.[0], port === undefined ? undefined : 'CMD', name);
      }
    });
  }
});
