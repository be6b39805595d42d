// A bundle evaluated with a V8 code cache: the same exports as require() gives, a cache written when asked
// and taken by the next start, a new cache (the old one gone) when the bundle changes, and no cache trouble
// ever stopping the bundle from loading.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileWithCodeCache } from '../../../src/shared/codeCache';

describe('a bundle evaluated with a code cache', () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-code-cache-'));
    cacheDir = path.join(dir, 'cache');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function bundle(body: string): string {
    const file = path.join(dir, 'dist', 'bundle.js');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', 'beside.js'), 'module.exports = 41;');
    fs.writeFileSync(file, body);
    return file;
  }
  const caches = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);

  it('gives the exports require() would, with require, __filename and __dirname of the bundle', () => {
    const file = bundle(`exports.answer = require('./beside.js') + 1; exports.file = __filename; exports.dir = __dirname; exports.self = this === exports;`);
    const m = compileWithCodeCache(file, cacheDir).evaluate<{ answer: number; file: string; dir: string; self: boolean }>();
    assert.deepEqual(m, { answer: 42, file, dir: path.dirname(file), self: true });
  });

  it('writes the cache when asked, only the user reads it, and a changed bundle gets its own while the old one goes', () => {
    const file = bundle(`module.exports = { one: () => 1 };`);
    const first = compileWithCodeCache(file, cacheDir);
    assert.equal(first.evaluate<{ one(): number }>().one(), 1);
    assert.deepEqual(caches(), [], 'nothing written before it is asked for');
    first.saveCache();
    const [written] = caches();
    assert.match(written ?? '', /^[0-9a-f]{32}\.v8cache$/);
    assert.equal(fs.statSync(path.join(cacheDir, written!)).mode & 0o777, 0o600);
    assert.ok(fs.statSync(path.join(cacheDir, written!)).size > 0);

    // Taken as it is: nothing is written again.
    const before = fs.statSync(path.join(cacheDir, written!)).mtimeMs;
    const again = compileWithCodeCache(file, cacheDir);
    assert.equal(again.evaluate<{ one(): number }>().one(), 1);
    again.saveCache();
    assert.deepEqual(caches(), [written]);
    assert.equal(fs.statSync(path.join(cacheDir, written!)).mtimeMs, before);

    fs.writeFileSync(file, `module.exports = { one: () => 2 };`);
    const changed = compileWithCodeCache(file, cacheDir);
    assert.equal(changed.evaluate<{ one(): number }>().one(), 2, 'the new source runs, not the cached one');
    changed.saveCache();
    assert.equal(caches().length, 1);
    assert.notEqual(caches()[0], written);
  });

  it('compiles as usual when the cache is damaged (and writes it anew) or there is no folder to use', () => {
    const file = bundle(`module.exports = 'ok';`);
    compileWithCodeCache(file, cacheDir).saveCache();
    const cacheFile = path.join(cacheDir, caches()[0]!);
    fs.writeFileSync(cacheFile, 'not a cache');
    // In a process of its own: V8 keeps what this one compiled and would not look at the file again.
    const load = `const { compileWithCodeCache } = require(${JSON.stringify(require.resolve('../../../src/shared/codeCache'))});
      const bundle = compileWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)});
      process.stdout.write(bundle.evaluate());
      bundle.saveCache();`;
    assert.equal(execFileSync(process.execPath, ['-e', load], { encoding: 'utf8' }), 'ok');
    assert.notEqual(fs.readFileSync(cacheFile, 'utf8'), 'not a cache', 'written anew');
    fs.writeFileSync(path.join(dir, 'blocked'), '');
    const blocked = compileWithCodeCache(file, path.join(dir, 'blocked', 'cache'));
    assert.equal(blocked.evaluate(), 'ok');
    blocked.saveCache();
    assert.equal(compileWithCodeCache(file, undefined).evaluate(), 'ok');
  });
});
