// The dockside task definitions as tasks.json writes them, mapped to what the engine and the compose CLI
// get; and the `$dockside-build` matcher (as package.json declares it) against the line a failed build prints.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROBLEM_PATTERN, buildRequest, composeArgs, composeSpec, definitionProblem, problemLine, taskLabel } from '../../../src/tasks/taskDefinitions';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { problemMatchers: { name: string; fileLocation: string; pattern: { regexp: string; file: number; line: number; severity: number; message: number } }[]; taskDefinitions: { type: string; properties: Record<string, unknown> }[] };
};

describe('dockside task definitions', () => {
  const folder = path.resolve('/work/project');

  it('maps a build task to a request with the context defaulting to the Dockerfile folder', () => {
    assert.deepEqual(buildRequest({ type: 'dockside', task: 'build', dockerfile: 'build/app/Dockerfile' }, folder), {
      dockerfile: path.join(folder, 'build/app/Dockerfile'), contextDir: path.join(folder, 'build/app'), tag: undefined, buildArgs: undefined, target: undefined, noCache: undefined,
    });
    assert.deepEqual(buildRequest({ type: 'dockside', task: 'build', dockerfile: 'docker/Dockerfile', context: '.', tag: ' app:dev ', buildArgs: { GREETING: 'hi' }, target: 'runtime', noCache: true }, folder), {
      dockerfile: path.join(folder, 'docker/Dockerfile'), contextDir: folder, tag: 'app:dev', buildArgs: { GREETING: 'hi' }, target: 'runtime', noCache: true,
    });
  });

  it('maps compose up and down to argument arrays, detached so a preLaunchTask ends', () => {
    const up = { type: 'dockside', task: 'compose', action: 'up', file: 'stack/compose.yaml', services: ['web'], build: true } as const;
    assert.deepEqual(composeArgs(up), ['up', '-d', '--build', 'web']);
    assert.deepEqual(composeArgs({ type: 'dockside', task: 'compose', action: 'down', removeVolumes: true }), ['down', '--volumes']);
    assert.deepEqual(composeSpec(up, folder), { files: [path.join(folder, 'stack/compose.yaml')], directory: path.join(folder, 'stack'), profiles: [] });
    assert.deepEqual(composeSpec({ type: 'dockside', task: 'compose', action: 'down' }, folder), { files: [], directory: folder, profiles: [] });
  });

  it('names what is missing from a tasks.json entry', () => {
    assert.equal(definitionProblem({ type: 'dockside', task: 'build', dockerfile: 'Dockerfile' }), undefined);
    assert.equal(definitionProblem({ type: 'dockside', task: 'build', dockerfile: ' ' }), 'dockerfile');
    assert.equal(definitionProblem({ type: 'dockside', task: 'run' }), 'configuration');
    assert.equal(definitionProblem({ type: 'dockside', task: 'compose', action: 'restart' }), 'action');
    assert.equal(definitionProblem({ type: 'dockside', task: 'push' }), 'task');
    assert.equal(taskLabel({ type: 'dockside', task: 'build', dockerfile: 'build/app/Dockerfile', tag: 'app:dev' }), 'build build/app/Dockerfile (app:dev)');
  });

  it('declares every definition property in package.json', () => {
    const declared = Object.keys(manifest.contributes.taskDefinitions.find((d) => d.type === 'dockside')!.properties).sort();
    assert.deepEqual(declared, ['action', 'build', 'buildArgs', 'configuration', 'context', 'dockerfile', 'file', 'noCache', 'removeVolumes', 'services', 'tag', 'target', 'task']);
  });

  it('$dockside-build reads the problem line a failed build prints', () => {
    const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'dockside-build')!;
    assert.equal(matcher.pattern.regexp, PROBLEM_PATTERN.source);
    assert.equal(matcher.fileLocation, 'absolute');
    const regexp = new RegExp(matcher.pattern.regexp);
    // As runBuildTask prints it after a classic-builder failure (the live test checks the real output).
    const line = problemLine('/work/project/build/app/Dockerfile', 5, "The command '/bin/sh -c exit 3' returned a non-zero code: 3 —\n  step said this");
    assert.equal(line, "/work/project/build/app/Dockerfile:5: error: The command '/bin/sh -c exit 3' returned a non-zero code: 3 — step said this");
    const m = regexp.exec(line)!;
    assert.deepEqual([m[matcher.pattern.file], m[matcher.pattern.line], m[matcher.pattern.severity], m[matcher.pattern.message]], ['/work/project/build/app/Dockerfile', '5', 'error', "The command '/bin/sh -c exit 3' returned a non-zero code: 3 — step said this"]);
    // A Windows path keeps its drive letter; build chatter is not a problem.
    assert.equal(regexp.exec('C:\\src\\Dockerfile:12: error: failed')?.[1], 'C:\\src\\Dockerfile');
    for (const chatter of ['Step 2/3 : RUN exit 3', '#5 [2/2] RUN exit 3', ' ---> Running in 0123abcd', '#5 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3']) assert.equal(regexp.exec(chatter), null, chatter);
  });
});
