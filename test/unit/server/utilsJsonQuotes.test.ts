// dockerfile-utils' "JSON in single quotes" check with its shortcut (src/server/utilsJsonQuotes.ts): the same
// findings as the check unpatched, which a separate process runs over the same texts.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validate, ValidationCode } from 'dockerfile-utils';
import '../../../src/server/utilsJsonQuotes';
import { repoRoot } from './lspTestClient';

const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'dockerfiles');

const cases: Array<[text: string, flagged: number]> = [
  ["FROM scratch\nCMD ['a']\n", 1],
  ["FROM scratch\nENTRYPOINT ['a', 'b']\n", 1],
  ["FROM scratch\nVOLUME ['/data']\n", 1],
  ["FROM scratch\nRUN --mount=type=cache,target=/x ['a']\n", 1],
  ["FROM scratch\nCMD \\\n  ['a', \\\n   'b']\n", 1],
  ["FROM scratch\nCMD [ 'a' ]\n", 1],
  ['FROM scratch\nCMD ["a"]\n', 0],
  ["FROM scratch\nRUN echo '[x]'\n", 0],
  ["FROM scratch\nCMD []\n", 0],
  ["FROM scratch\nCMD\n", 0],
  ["# escape=`\nFROM scratch\nCMD `\n  ['a']\n", 1],
  ["FROM scratch\nCMD \\['a']\n", 0],
];

/** The diagnostics of each text from dockerfile-utils as published, in a process that has not patched it. */
function unpatched(texts: readonly string[]): unknown[][] {
  const script = `const { validate } = require('dockerfile-utils');
    const texts = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify(texts.map((text) => validate(text))));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: repoRoot, input: JSON.stringify(texts), maxBuffer: 256 << 20, encoding: 'utf8' }));
}

/** Diagnostics as plain JSON, so those of both processes compare field by field. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('dockerfile-utils JSON-in-single-quotes check, brackets first', () => {
  it('flags JSON written with single quotes and nothing else', () => {
    for (const [text, flagged] of cases) {
      const diagnostics = validate(text);
      const singleQuoted = diagnostics.filter((d) => d.code === ValidationCode.JSON_IN_SINGLE_QUOTES);
      assert.equal(singleQuoted.length, flagged, `${JSON.stringify(text)}: ${JSON.stringify(diagnostics)}`);
    }
  });

  it('finds what the unpatched check finds, in these cases and over the corpus', () => {
    if (!fs.existsSync(corpus)) assert.fail(`The corpus of real Dockerfiles is missing: expected it at ${corpus}`);
    const files = (fs.readdirSync(corpus, { recursive: true }) as string[])
      .map((file) => path.join(corpus, file))
      .filter((file) => fs.statSync(file).isFile() && !/LICENSE|\.md$/.test(file));
    const texts = [...cases.map(([text]) => text), ...files.map((file) => fs.readFileSync(file, 'utf8'))];
    const theirs = unpatched(texts);
    texts.forEach((text, i) => assert.deepEqual(plain(validate(text)), theirs[i], i < cases.length ? JSON.stringify(text) : files[i - cases.length]));
  });
});
