// A bundle evaluated with a V8 code cache: the same exports as require() gives, a cache written after the
// wait and taken by the next start, and a new cache (the old one gone) when the bundle changes.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requireWithCodeCache } from '../../../src/session/codeCache';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a bundle evaluated with a code cache', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-code-cache-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function bundle(body: string): string {
    const file = path.join(dir, 'dist', 'bundle.js');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', 'beside.js'), 'module.exports = 41;');
    fs.writeFileSync(file, body);
    return file;
  }
  const caches = () => (fs.existsSync(path.join(dir, 'cache')) ? fs.readdirSync(path.join(dir, 'cache')) : []);
  const options = { cacheDir: '', name: 'b', writeAfterMs: 20 };

  it('gives the exports require() would, with require, __filename and __dirname of the bundle', () => {
    const file = bundle(`exports.answer = require('./beside.js') + 1; exports.file = __filename; exports.dir = __dirname; exports.self = this === exports;`);
    const m = requireWithCodeCache<{ answer: number; file: string; dir: string; self: boolean }>(file, { ...options, cacheDir: path.join(dir, 'cache') });
    assert.deepEqual(m, { answer: 42, file, dir: path.dirname(file), self: true });
  });

  it('writes the cache after the wait, and a changed bundle gets its own while the old one goes', async () => {
    const cacheDir = path.join(dir, 'cache');
    const file = bundle(`module.exports = { one: () => 1 };`);
    assert.equal(requireWithCodeCache<{ one(): number }>(file, { ...options, cacheDir }).one(), 1);
    assert.deepEqual(caches(), [], 'nothing written before the wait');
    await later(80);
    const [first] = caches();
    assert.match(first ?? '', /^b-[0-9a-f]{32}\.v8cache$/);
    assert.ok(fs.statSync(path.join(cacheDir, first!)).size > 0);

    // Taken as it is: nothing is written again.
    const before = fs.statSync(path.join(cacheDir, first!)).mtimeMs;
    assert.equal(requireWithCodeCache<{ one(): number }>(file, { ...options, cacheDir }).one(), 1);
    await later(80);
    assert.deepEqual(caches(), [first]);
    assert.equal(fs.statSync(path.join(cacheDir, first!)).mtimeMs, before);

    fs.writeFileSync(file, `module.exports = { one: () => 2 };`);
    assert.equal(requireWithCodeCache<{ one(): number }>(file, { ...options, cacheDir }).one(), 2, 'the new source runs, not the cached one');
    await later(80);
    assert.equal(caches().length, 1);
    assert.notEqual(caches()[0], first);
  });

  it('compiles as usual when the cache is damaged (and writes it anew) or cannot be written', async () => {
    const cacheDir = path.join(dir, 'cache');
    const file = bundle(`module.exports = 'ok';`);
    requireWithCodeCache(file, { ...options, cacheDir });
    await later(80);
    const cacheFile = path.join(cacheDir, caches()[0]!);
    fs.writeFileSync(cacheFile, 'not a cache');
    // In a process of its own: V8 keeps what this one compiled and would not look at the file again.
    const load = `const { requireWithCodeCache } = require(${JSON.stringify(require.resolve('../../../src/session/codeCache'))});
      process.stdout.write(requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify({ ...options, cacheDir })}));
      setTimeout(() => undefined, 200); // the write waits 20 ms on a timer that does not keep a process alive`;
    assert.equal(execFileSync(process.execPath, ['-e', load], { encoding: 'utf8' }), 'ok');
    assert.notEqual(fs.readFileSync(cacheFile, 'utf8'), 'not a cache', 'written anew before that process ended');
    fs.writeFileSync(path.join(dir, 'blocked'), '');
    assert.equal(requireWithCodeCache(file, { ...options, cacheDir: path.join(dir, 'blocked', 'cache') }), 'ok');
    await later(80);
  });
});
