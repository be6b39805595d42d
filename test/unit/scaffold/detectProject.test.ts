// Detection on small fixture projects of each kind: the kind, the name compose and image tags can take,
// the port and entry a user is offered, and the build details the templates need.
import * as assert from 'node:assert/strict';
import { detectProjects, suggestedEntry, type FolderListing } from '../../../src/scaffold/scaffoldFiles';
import { detectFixture } from './scaffoldFixtures';

/** A folder held in memory: root names and file texts. */
function memoryFolder(files: Record<string, string>): FolderListing {
  const entries = [...new Set(Object.keys(files).map((p) => (p.includes('/') ? `${p.split('/')[0]}/` : p)))];
  return {
    entries,
    read: async (p) => files[p],
    list: async (dir) => [...new Set(Object.keys(files).filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).replace(/\/.*$/, '/')))],
  };
}

describe('scaffold: project detection', () => {
  it('Maven with Spring Boot: artifactId outside <parent>, server.port from application.properties', async () => {
    const p = await detectFixture('maven-spring');
    assert.deepEqual({ kind: p.kind, name: p.name, port: p.suggestedPort, java: p.java }, { kind: 'maven', name: 'shop-service', port: 8081, java: { springBoot: true } });
  });
  it('plain Maven: no Spring Boot, so no port is assumed', async () => {
    const p = await detectFixture('maven-plain');
    assert.deepEqual({ kind: p.kind, name: p.name, port: p.suggestedPort, java: p.java }, { kind: 'maven', name: 'batch-tool', port: undefined, java: { springBoot: false } });
  });
  it('Gradle with Spring Boot: rootProject.name, 8080 by default; build.gradle.kts and application.yml too', async () => {
    const p = await detectFixture('gradle-spring');
    assert.deepEqual({ kind: p.kind, name: p.name, port: p.suggestedPort, java: p.java }, { kind: 'gradle', name: 'orders', port: 8080, java: { springBoot: true } });
    const [kts] = await detectProjects(memoryFolder({
      'build.gradle.kts': 'plugins { id("org.springframework.boot") version "3.4.0" }\n',
      'src/main/resources/application.yml': 'spring:\n  application:\n    name: x\nserver:\n  address: 0.0.0.0\n  port: 9090\n',
    }), 'Stock Keeper');
    assert.deepEqual([kts.kind, kts.name, kts.suggestedPort], ['gradle', 'stock-keeper', 9090]);
  });
  it('Node: the package manager from the lock file, the start command, a port only for a server', async () => {
    const npm = await detectFixture('node-npm');
    assert.deepEqual([npm.name, npm.suggestedPort, npm.suggestedEntry, npm.node], ['shop-front', 3000, 'node server.js', { packageManager: 'npm', buildScript: false, lockFile: true }]);
    const yarn = await detectFixture('node-yarn');
    assert.deepEqual([yarn.name, yarn.suggestedPort, yarn.suggestedEntry, yarn.node?.packageManager], ['worker', undefined, 'node lib/worker.js', 'yarn']);
    const pnpm = await detectFixture('node-pnpm');
    assert.deepEqual([pnpm.suggestedPort, pnpm.suggestedEntry, pnpm.node], [3000, 'npm start', { packageManager: 'pnpm', buildScript: true, lockFile: true }]);
    const [bare] = await detectProjects(memoryFolder({ 'package.json': '{ not json' }), 'tool');
    assert.deepEqual([bare.kind, bare.name, bare.suggestedEntry, bare.node?.lockFile], ['node', 'tool', 'node index.js', false]);
  });
  it('Python: requirements.txt or pyproject.toml, and a start command that listens on the answered port', async () => {
    const flask = await detectFixture('python-flask');
    assert.deepEqual([flask.name, flask.suggestedPort, flask.python], ['python-flask', 8000, { install: 'requirements' }]);
    assert.equal(suggestedEntry(flask, 8123), 'gunicorn --bind 0.0.0.0:8123 app:app');
    const fastapi = await detectFixture('python-fastapi');
    assert.deepEqual([fastapi.name, fastapi.suggestedPort, fastapi.python], ['inventory_api', 8000, { install: 'pyproject' }]);
    assert.equal(suggestedEntry(fastapi, undefined), 'uvicorn main:app --host 0.0.0.0 --port 8000');
    const [django] = await detectProjects(memoryFolder({ 'requirements.txt': 'Django==5.1.4\n', 'manage.py': '' }), 'site');
    assert.equal(suggestedEntry(django, 8000), 'python manage.py runserver 0.0.0.0:8000');
    const [script] = await detectProjects(memoryFolder({ 'requirements.txt': 'requests==2.32.3\n', 'app.py': '' }), 'job');
    assert.deepEqual([script.suggestedPort, suggestedEntry(script, undefined)], [undefined, 'python app.py']);
  });
  it('Go: the module name, the command under cmd/, a port when main imports net/http', async () => {
    const p = await detectFixture('go-cmd');
    assert.deepEqual([p.kind, p.name, p.suggestedEntry, p.suggestedPort], ['go', 'billing', './cmd/api', 8080]);
    const [cli] = await detectProjects(memoryFolder({ 'go.mod': 'module tool\n', 'main.go': 'package main\nimport "fmt"\n' }), 'x');
    assert.deepEqual([cli.name, cli.suggestedEntry, cli.suggestedPort], ['tool', '.', undefined]);
  });
  it('.NET: the project file, its assembly, web or not', async () => {
    const p = await detectFixture('dotnet-web');
    assert.deepEqual([p.kind, p.name, p.suggestedPort, p.dotnet], ['dotnet', 'catalog.api', 8080, { projectFile: 'Catalog.Api.csproj', assembly: 'Catalog.Api', web: true }]);
    const [console] = await detectProjects(memoryFolder({ 'Tool.csproj': '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>tool-cli</AssemblyName></PropertyGroup></Project>' }), 'x');
    assert.deepEqual([console.suggestedPort, console.dotnet], [undefined, { projectFile: 'Tool.csproj', assembly: 'tool-cli', web: false }]);
  });
  it('lists every kind a folder holds, compiled ones first; nothing for a folder without build files', async () => {
    const both = await detectProjects(memoryFolder({ 'pom.xml': '<project><artifactId>api</artifactId></project>', 'package.json': '{}', 'requirements.txt': '' }), 'mixed');
    assert.deepEqual(both.map((p) => p.kind), ['maven', 'node', 'python']);
    assert.deepEqual(await detectProjects(memoryFolder({ 'README.md': '# hi' }), 'docs'), []);
  });
});
