// Evaluates a CommonJS bundle compiled with a V8 code cache, for the two bundles whose compile is on a path
// people wait on: the CLI's (bin/dockside-lint: CI and pre-commit hooks start it again and again) and the
// engine bundle of the extension (session/engineBundle.ts: it loads between activation and the first read).
// Hand-written: Node 20, which code-server's and VS Code's extension hosts run, has no
// module.enableCompileCache, and v8-compile-cache hooks every require of the process. The cache is keyed by
// the bundle's content hash (V8 itself only checks the source length), the Node version and architecture; V8
// rejects a cache made with other flags, and it is then written anew. Any failure to read or write it just
// compiles as usual. Plain Node (no vscode), and a bundle of its own (dist/codeCache.js) that the command
// requires before the CLI bundle.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface CodeCachedBundle {
  /** Runs the bundle once and gives its `module.exports`. */
  evaluate<T>(): T;
  /**
   * Writes the cache when none was read or V8 rejected it, with what has been compiled so far (call it once
   * the work worth caching has run), and removes the folder's other caches (other bundles, other Node versions).
   */
  saveCache(): void;
}

/** `cacheDir`: a folder for this bundle's cache only, or undefined when there is none to use. */
export function compileWithCodeCache(bundle: string, cacheDir: string | undefined): CodeCachedBundle {
  const source = fs.readFileSync(bundle, 'utf8');
  const key = createHash('sha256').update(`${process.version} ${process.arch}\0`).update(source).digest('hex').slice(0, 32);
  const cacheFile = cacheDir && path.join(cacheDir, `${key}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The wrapper Node's own loader puts around a CommonJS module.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: bundle, cachedData });
  return {
    evaluate<T>(): T {
      const module = { exports: {} as T };
      (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
      return module.exports;
    },
    saveCache(): void {
      if (!cacheDir || !cacheFile || (cachedData && !script.cachedDataRejected)) return;
      try {
        fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        // Of this process: two windows or two hooks may write at once, each renames a whole file.
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temporary, cacheFile);
        for (const name of fs.readdirSync(cacheDir)) {
          if (name.endsWith('.v8cache') && name !== path.basename(cacheFile)) fs.rmSync(path.join(cacheDir, name), { force: true });
        }
      } catch {
        // A read-only or missing folder: the next start compiles as this one did.
      }
    },
  };
}
