// Every generated file passes Dockside's own checks: each fixture's Dockerfile, with and without cache
// mounts, lints clean with the editor's whole pipeline (dockerfile-utils, the hadolint and BuildKit rules,
// ShellCheck on the RUN bodies when it is installed), each compose.yaml passes the compose checks with the
// files beside it, and each .dockerignore keeps history, dependencies and build output out of the context
// while the files the Dockerfile copies stay in.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { contextExclusions } from '../../../src/engine/buildContext';
import { diskFiles } from '../../../src/server/compose/composeFiles';
import { lintCompose } from '../../../src/server/compose/validateCompose';
import { defaultSettings } from '../../../src/server/settings';
import { lintDockerfiles } from '../../../src/server/validate';
import { fixtureFiles, fixtureNames, writeProject } from './scaffoldFixtures';

const brief = (problems: { ruleId: string; range: { start: { line: number } }; message: string }[]) => problems.map((p) => `${p.range.start.line + 1}: ${p.ruleId} ${p.message}`);

describe('scaffold: generated files pass Dockside’s checks', function () {
  this.timeout(60_000);
  let scratch: string;
  before(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'h-scaffold-lint-'))));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  for (const cacheMounts of [true, false]) {
    it(`every Dockerfile lints clean (${cacheMounts ? 'with' : 'without'} cache mounts)`, async () => {
      const generated = await Promise.all(fixtureNames.map((name) => fixtureFiles(name, cacheMounts)));
      const dirs = generated.map(({ files }, i) => writeProject(fixtureNames[i], files, path.join(scratch, String(cacheMounts))));
      const results = lintDockerfiles(generated.map(({ files }, i) => ({ text: files[0].text, settings: defaultSettings(), filePath: path.join(dirs[i], 'Dockerfile') })));
      results.forEach((problems, i) => assert.deepEqual(brief(problems), [], `${fixtureNames[i]}:\n${generated[i].files[0].text}`));
      for (const { files } of generated) assert.equal(/RUN --mount=type=cache/.test(files[0].text), cacheMounts);
      // The same pipeline does object: a root user, an unpinned base and an unquoted variable in a RUN.
      const spoilt = `${generated[0].files[0].text.replace(/^FROM (\S+):\S+/m, 'FROM $1')}RUN cp $SOURCE /tmp\nUSER root\n`;
      const found = lintDockerfiles([{ text: spoilt, settings: defaultSettings(), filePath: path.join(dirs[0], 'Dockerfile') }])[0].map((p) => p.ruleId);
      for (const rule of ['DL3006', 'DL3002', 'SC2086']) assert.ok(found.includes(rule), `${rule} in ${found.join(', ')}`);
    });
  }

  it('every Dockerfile pins its base images, runs as a non-root user, and checks its port', async () => {
    for (const name of fixtureNames) {
      const { project, files } = await fixtureFiles(name, true);
      const text = files[0].text;
      const froms = [...text.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
      assert.ok(froms.length >= 2, `${name} is multi-stage`);
      for (const image of froms) assert.match(image, /:\d+(\.\d+)+[^:]*$/, `${name}: ${image} has an explicit version tag`);
      const users = [...text.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
      assert.ok(users.length === 1 && !/^(0|root)\b/.test(users[0]), `${name} runs as ${users.join(',')}`);
      assert.equal(/^HEALTHCHECK /m.test(text), project.suggestedPort !== undefined, `${name}: a healthcheck exactly when there is a port`);
      if (project.suggestedPort !== undefined) assert.match(text, new RegExp(`^EXPOSE ${project.suggestedPort}$`, 'm'));
    }
  });

  it('fits the template to what was found: npm without a lock file, a .NET console app', async () => {
    const nolock = (await fixtureFiles('node-nolock', true)).files[0].text;
    assert.match(nolock, /^COPY package\.json \.\/$/m);
    assert.match(nolock, /^RUN --mount=type=cache,target=\/root\/\.npm npm install$/m);
    const tool = (await fixtureFiles('dotnet-console', true)).files[0].text;
    assert.match(tool, /^FROM mcr\.microsoft\.com\/dotnet\/runtime:\S+$/m);
    assert.doesNotMatch(tool, /aspnet|ASPNETCORE/);
    assert.match(tool, /^ENTRYPOINT \["dotnet", "report-tool\.dll"\]$/m);
  });

  it('every compose.yaml passes the compose checks, with the Dockerfile beside it', async () => {
    for (const name of fixtureNames) {
      const { project, files } = await fixtureFiles(name, true);
      const dir = writeProject(name, files, path.join(scratch, 'compose'));
      const compose = path.join(dir, 'compose.yaml');
      assert.deepEqual(brief(lintCompose({ text: files[2].text, files: diskFiles(compose) })), [], `${name}:\n${files[2].text}`);
      if (project.suggestedPort !== undefined) assert.match(files[2].text, new RegExp(`"127\\.0\\.0\\.1:${project.suggestedPort}:${project.suggestedPort}"`));
    }
    // The check can fail: the same file without its Dockerfile is reported.
    const { files } = await fixtureFiles('node-npm', true);
    const alone = path.join(scratch, 'alone');
    fs.mkdirSync(alone);
    assert.deepEqual(lintCompose({ text: files[2].text, files: diskFiles(path.join(alone, 'compose.yaml')) }).map((p) => p.ruleId), ['missing-dockerfile']);
  });

  it('every .dockerignore keeps out .git, local secrets, dependencies and build output, and keeps what the build copies', async () => {
    const leftOut: Record<string, string[]> = {
      'node-npm': ['node_modules/express/index.js', 'lib/node_modules/x/y.js', 'coverage/lcov.info'],
      'python-flask': ['__pycache__/app.cpython-312.pyc', '.venv/bin/python', 'pkg/__pycache__/m.pyc'],
      'go-cmd': ['bin/billing'],
      'maven-spring': ['target/shop-service.jar', 'module/target/classes/A.class'],
      'gradle-spring': ['build/libs/orders.jar', '.gradle/8.11/fileHashes.bin', 'bin/main/App.class'],
      'dotnet-web': ['bin/Debug/net8.0/Catalog.Api.dll', 'obj/project.assets.json'],
    };
    const keptIn: Record<string, string[]> = {
      'node-npm': ['package.json', 'package-lock.json', 'server.js'],
      'python-flask': ['requirements.txt', 'app.py'],
      'go-cmd': ['go.mod', 'cmd/api/main.go'],
      'maven-spring': ['pom.xml', 'src/main/java/com/example/shop/ShopApplication.java'],
      'gradle-spring': ['build.gradle', 'settings.gradle', 'src/main/java/com/example/App.java'],
      'dotnet-web': ['Catalog.Api.csproj', 'Program.cs'],
    };
    for (const [name, paths] of Object.entries(leftOut)) {
      const { files } = await fixtureFiles(name, true);
      const dir = writeProject(name, files, path.join(scratch, 'ignore'));
      const excluded = contextExclusions(dir, 'Dockerfile');
      for (const p of ['.git/config', '.git/objects/ab/cdef', '.env', '.env.local', '.vscode/settings.json', 'debug.log', ...paths]) {
        assert.ok(excluded(p, path.join(dir, p)), `${name}: ${p} stays out of the context`);
      }
      for (const p of keptIn[name]) assert.ok(!excluded(p, path.join(dir, p)), `${name}: ${p} reaches the build`);
    }
  });
});
