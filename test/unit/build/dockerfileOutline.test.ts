// The Dockerfile outline the Build command offers (stages, ARGs) and maps failures with.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { locateFailure, outlineDockerfile } from '../../../src/build/dockerfileOutline';
import { BUILD_FIXTURES } from './buildFixtures';

describe('Dockerfile outline for Build', () => {
  const app = outlineDockerfile(fs.readFileSync(path.join(BUILD_FIXTURES, 'app', 'Dockerfile'), 'utf8'));

  it('offers the stages and ARGs with their defaults', () => {
    assert.deepEqual(app.stages.map((s) => s.name), ['builder', 'runtime', 'debug']);
    assert.deepEqual(app.args.map((a) => [a.name, a.defaultValue]), [['BASE', 'dockside-test/busybox:latest'], ['GREETING', 'hello'], ['FLAVOUR', 'plain']]);
  });

  it('joins continuation lines, skips comments inside them and honours the escape directive', () => {
    const o = outlineDockerfile('FROM a\nRUN echo one \\\n  # a comment\n  && echo two\nCOPY x y\n');
    assert.deepEqual(o.instructions.map((i) => [i.keyword, i.args, i.startLine, i.endLine]), [['FROM', 'a', 0, 0], ['RUN', 'echo one && echo two', 1, 3], ['COPY', 'x y', 4, 4]]);
    const windows = outlineDockerfile('# escape=`\nFROM a\nRUN dir `\n  c:\\\nCOPY x y\n');
    assert.deepEqual(windows.instructions.map((i) => i.startLine), [1, 2, 4]);
    const heredoc = outlineDockerfile('FROM a\nRUN <<EOF\nFROM not-a-stage\nEOF\nCMD x\n');
    assert.deepEqual(heredoc.instructions.map((i) => i.keyword), ['FROM', 'RUN', 'CMD']);
  });

  it('locates failures by text (classic) and by stage and step (BuildKit)', () => {
    assert.equal(locateFailure(app, { instruction: 'RUN echo "$FLAVOUR" > /flavour.txt', stepNumber: 9 }, 'classic')?.startLine, 10);
    assert.equal(locateFailure(app, { instruction: 'RUN echo "spicy" > /flavour.txt', stepNumber: 5, stage: 'runtime' }, 'buildkit')?.startLine, 10);
    assert.equal(locateFailure(app, { instruction: 'RUN echo debug > /debug.txt', stepNumber: 2, stage: 'stage-2' }, 'buildkit')?.startLine, 14);
    assert.equal(locateFailure(app, { stepNumber: 3 }, 'classic')?.keyword, 'ARG');
    assert.equal(locateFailure(app, {}, 'classic'), undefined);
  });
});
