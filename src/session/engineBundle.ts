// Loads the engine layer once per extension host, for every session. Loading the engine bundle sits between
// activation and the first read of every window (issue 20's cold timeline), and compiling it is most of
// that: 45–60 ms plain, ~17 ms with a V8 code cache (Node 20, this machine). So the shipped bundle is
// evaluated with one (shared/codeCache.ts), kept in a folder of the extension's global storage.
import * as vscode from 'vscode';
import { compileWithCodeCache } from '../shared/codeCache';
import type { EngineModule } from './engineSession';

/** The code cache is written this long after loading: the connect and the first reads have compiled their part by then. */
const WRITE_CACHE_AFTER_MS = 3000;

/** The engine layer the plain way (a build without the shipped bundle beside it, or one that fails to load so). */
export function loadEngineModule(): Promise<EngineModule> {
  return import('../engine/index').then(localized);
}

/** One loader for every session: the bundle at `bundle` is evaluated once, with its code cache in `cacheDir`. */
export function cachedEngineLoader(bundle: string, cacheDir: string): () => Promise<EngineModule> {
  let loaded: Promise<EngineModule> | undefined;
  return () =>
    (loaded ??= Promise.resolve().then(() => {
      try {
        const compiled = compileWithCodeCache(bundle, cacheDir);
        const engine = localized(compiled.evaluate<EngineModule>());
        setTimeout(() => compiled.saveCache(), WRITE_CACHE_AFTER_MS).unref();
        return engine;
      } catch {
        return loadEngineModule();
      }
    }));
}

function localized(engine: EngineModule): EngineModule {
  engine.configureLocalization(vscode.l10n.bundle);
  return engine;
}
