// Evaluates a CommonJS bundle compiled with a V8 code cache kept in a folder of ours. Hand-written, as in
// bin/dockside-lint: the extension hosts of code-server and VS Code run Node 20, which has no
// module.enableCompileCache, and v8-compile-cache would hook every require of the extension host. The cache
// file is keyed by the bundle's content hash, the Node version and the architecture (V8 itself checks only
// the source length); V8 rejects a cache made with other flags, and it is then written anew. Failing to read
// or write the cache only compiles as usual. Plain Node: no vscode.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface CodeCacheOptions {
  /** The folder of the cache files (made when first written). */
  readonly cacheDir: string;
  /** A name for the cache files of this bundle; older caches of the same name are removed. */
  readonly name: string;
  /** The cache is written this long after the evaluation, so that what ran meanwhile was compiled into it too. */
  readonly writeAfterMs: number;
}

/** The bundle's `module.exports`. Throws what reading or evaluating the bundle throws. */
export function requireWithCodeCache<T>(bundle: string, options: CodeCacheOptions): T {
  const source = fs.readFileSync(bundle, 'utf8');
  const key = createHash('sha256').update(`${process.version} ${process.arch}\0`).update(source).digest('hex').slice(0, 32);
  const cacheFile = path.join(options.cacheDir, `${options.name}-${key}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The wrapper Node's own loader puts around a CommonJS module.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: bundle, cachedData });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  if (!cachedData || script.cachedDataRejected) setTimeout(() => writeCache(script, options, cacheFile), options.writeAfterMs).unref();
  return module.exports;
}

/** Writes the cache (a temporary file renamed over: a reader never sees half of one) and drops older ones. */
function writeCache(script: vm.Script, options: CodeCacheOptions, cacheFile: string): void {
  try {
    fs.mkdirSync(options.cacheDir, { recursive: true });
    for (const file of fs.readdirSync(options.cacheDir)) {
      const full = path.join(options.cacheDir, file);
      if (file.startsWith(`${options.name}-`) && file.endsWith('.v8cache') && full !== cacheFile) fs.rmSync(full, { force: true });
    }
    fs.writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
    fs.renameSync(`${cacheFile}.tmp`, cacheFile);
  } catch {
    // The cache only makes the next start quicker: failing to write it loses nothing.
  }
}
