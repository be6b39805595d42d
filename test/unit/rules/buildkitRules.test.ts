// BuildKit's build checks under their BuildKit names.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { compileDockerignore } from '../../../src/server/rules/config/dockerignore';
import { describeRules, lint, linesOf } from './ruleTestKit';

const D = 'FROM debian:12.5\n';

describeRules('BuildKit checks', [
  {
    id: 'UndefinedVar',
    fire: [
      [`FROM scratch\nCOPY app /srv/$APP_DIR/`, 2],
      [`${D}WORKDIR $APP_HOME\nENV APP_HOME=/srv`, 2],
      [`ARG VERSION=1\nFROM debian:12.5\nLABEL version=$VERSION`, 3],
    ],
    quiet: [
      `FROM scratch\nARG APP_DIR=/srv\nCOPY app $APP_DIR/`,
      `ARG VERSION=1\nFROM debian:12.5\nARG VERSION\nLABEL version=$VERSION`,
      `${D}ENV PATH=/opt/bin:$PATH`,
      `${D}WORKDIR $GOPATH/src`,
      `FROM scratch\nCOPY app \${APP_DIR:-/srv}/`,
      `${D}RUN echo $NOT_CHECKED_IN_RUN`,
      `FROM scratch AS base\nENV ROOT=/x\nFROM base\nWORKDIR $ROOT`,
    ],
  },
  {
    id: 'UndefinedArgInFrom',
    fire: [[`FROM debian:$DEBIAN_VERSION`, 1]],
    quiet: [`ARG DEBIAN_VERSION=12.5\nFROM debian:$DEBIAN_VERSION`, `FROM --platform=$BUILDPLATFORM debian:12.5`, `FROM debian:\${V:-12.5}`],
  },
  {
    id: 'InvalidDefaultArgInFrom',
    fire: [[`ARG TAG\nFROM busybox:$TAG`, 2], [`ARG IMAGE\nFROM $IMAGE`, 2]],
    quiet: [`ARG TAG=1.36\nFROM busybox:$TAG`, `ARG TAG\nFROM busybox:\${TAG:-1.36}`],
  },
  {
    id: 'LegacyKeyValueFormat',
    fire: [[`${D}ENV DEBUG 1`, 2], [`${D}LABEL maintainer me`, 2]],
    quiet: [`${D}ENV DEBUG=1`, `${D}ENV A=1 B=2`, `${D}ARG VERSION`, `${D}LABEL a="b c"`],
  },
  {
    id: 'ConsistentInstructionCasing',
    fire: [[`${D}run echo hi`, 2], [`${D}Copy a /a`, 2]],
    quiet: [`${D}RUN echo hi`],
  },
  {
    id: 'NoEmptyContinuation',
    fire: [[`${D}RUN echo a \\\n\n    && echo b`, 3]],
    quiet: [`${D}RUN echo a \\\n    && echo b`, `${D}RUN <<EOF\necho a\n\necho b\nEOF`],
  },
  {
    id: 'ExposeProtoCasing',
    fire: [[`${D}EXPOSE 80/TCP`, 2]],
    quiet: [`${D}EXPOSE 80/tcp 53/udp`],
  },
  {
    id: 'ExposeInvalidFormat',
    fire: [[`${D}EXPOSE 8080:80`, 2], [`${D}EXPOSE 127.0.0.1:80:80`, 2]],
    quiet: [`${D}EXPOSE 80`],
  },
  {
    id: 'DL3064',
    fire: [[`${D}ARG API_KEY`, 2]],
    quiet: [`${D}ARG PUBLIC_KEY_URL`],
  },
]);

describe('CopyIgnoredFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockside-ignore-'));
  const dockerfile = path.join(dir, 'Dockerfile');
  writeFileSync(path.join(dir, '.dockerignore'), '# build output\nnode_modules\n*.log\n!keep.log\nsecrets/**\n');

  it('fires on a source that .dockerignore excludes, at its line', () => {
    const problems = lint(`${D}COPY node_modules /app/node_modules\nCOPY debug.log /tmp/\nCOPY secrets/key.pem /k`, { filePath: dockerfile });
    assert.deepEqual(linesOf(problems, 'CopyIgnoredFile'), [2, 3, 4]);
  });

  it('stays quiet for re-included files, the whole context and other stages', () => {
    const problems = lint(`FROM debian:12.5 AS b\nFROM debian:12.5\nCOPY keep.log /tmp/\nCOPY . /app\nCOPY --from=b node_modules /x`, { filePath: dockerfile });
    assert.deepEqual(linesOf(problems, 'CopyIgnoredFile'), []);
  });

  it('stays quiet without a .dockerignore', () => {
    assert.deepEqual(linesOf(lint(`${D}COPY node_modules /x`), 'CopyIgnoredFile'), []);
  });

  it('matches like the Docker builder: **, directories and the last pattern winning', () => {
    const ignored = compileDockerignore('**/*.tmp\nbuild\n!build/keep\n/docs/*.md\n');
    assert.equal(ignored('a/b/c.tmp'), true);
    assert.equal(ignored('x.tmp'), true);
    assert.equal(ignored('build/out/app'), true);
    assert.equal(ignored('build/keep'), false);
    assert.equal(ignored('./docs/readme.md'), true);
    assert.equal(ignored('docs/sub/readme.md'), false);
    assert.equal(ignored('src/app.ts'), false);
  });
});
