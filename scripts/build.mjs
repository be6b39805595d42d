// Builds the bundles VS Code loads (dist/) and, with --tests, compiles src and test for mocha (out/).
// The extension bundle stays small: the engine (dockerode) and the language client are separate bundles
// loaded on first use, so activation does not pay for them.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const production = process.argv.includes('--production');

/** Lazily loaded modules: imported by path from the extension, but shipped as their own bundle. */
const lazyBundles = {
  'engine/index': './engine.js',
  'language/client': './languageClient.js',
  'language/composeClient': './composeLanguageClient.js',
  'compose/composeRisks': './composeRisks.js',
  'doctor/index': './doctor.js',
};

const lazyExternal = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      for (const [suffix, target] of Object.entries(lazyBundles)) {
        if (args.path.endsWith(suffix)) return { path: target, external: true };
      }
      return undefined;
    });
  },
};

// dockerode loads gRPC (only BuildKit sessions use it) and ssh2 (only ssh:// engines) as soon as it loads,
// which triples the engine bundle's start-up time. Those requires become proxies that load on first use;
// esbuild evaluates a bundled module only when its require() runs, so the cost moves to the first use.
// Not evaluating them is not enough: they are 1.4 MB of the engine bundle's 2.2, and V8 still reads and
// pre-parses every byte of a bundle it loads (~40 ms of the first paint, issue 20). So they are bundles of
// their own (dist/vendor/), which the engine bundle requires only when an ssh engine or a BuildKit session
// needs them.
const DEFER_HELPER = `function __docksideDefer(load) {
  let loaded;
  const target = () => (loaded ??= load());
  return new Proxy(function () {}, {
    get: (_, key) => target()[key],
    has: (_, key) => key in target(),
    apply: (_, self, args) => target().apply(self, args),
    construct: (_, args) => new (target())(...args),
  });
}
`;
/** Packages the engine bundle loads from their own bundles, on first use. */
const vendorBundles = { ssh2: './vendor/ssh2.js', '@grpc/grpc-js': './vendor/grpc-js.js', '@grpc/proto-loader': './vendor/proto-loader.js', protobufjs: './vendor/protobufjs.js' };
const deferredRequires = {
  name: 'deferred-requires',
  setup(build) {
    build.onResolve({ filter: /^(ssh2|@grpc\/grpc-js|@grpc\/proto-loader|protobufjs)$/ }, (args) => ({ path: vendorBundles[args.path], external: true }));
    build.onLoad({ filter: /node_modules[\\/](dockerode[\\/]lib[\\/]session|docker-modem[\\/]lib[\\/]modem)\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8').replace(
        /require\((['"])(@grpc\/grpc-js|@grpc\/proto-loader|\.\/ssh)\1\)/g,
        (call) => `__docksideDefer(() => ${call})`,
      );
      return { contents: DEFER_HELPER + source, loader: 'js', resolveDir: args.path.replace(/[\\/][^\\/]+$/, '') };
    });
  },
};

// `import * as vscode from 'vscode'` makes esbuild wrap the external module in __toESM once per importing
// file, and each wrap copies the API's few hundred properties as getters: with 118 importers that cost
// 60-90 ms of activation. The bundle reads the sources with that import rewritten to TypeScript's
// `import vscode = require('vscode')`, which bundles to a plain require (same line, so source maps hold).
// Only members of the API are read through these imports, never a default export, so nothing is lost.
// The sources keep the namespace import because @vscode/l10n-dev only finds l10n.t calls through it.
const VSCODE_NAMESPACE_IMPORT = /^import \* as (\w+) from 'vscode';$/gm;
const plainVscodeRequires = {
  name: 'plain-vscode-requires',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.replace(VSCODE_NAMESPACE_IMPORT, "import $1 = require('vscode');"), loader: 'ts' };
    });
    // vscode-languageclient is compiled by tsc, whose __importStar makes the same copy in 16 of its modules.
    build.onLoad({ filter: /node_modules[\\/]vscode-languageclient[\\/]lib[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.replaceAll('__importStar(require("vscode"))', 'require("vscode")'), loader: 'js' };
    });
    // Any other import form (named imports, a different quote style) would bring a wrap back: fail loudly.
    build.onEnd((result) => {
      for (const file of Object.keys(result.metafile?.outputs ?? {}).filter((f) => f.endsWith('.js'))) {
        if (/\(require\("vscode"\)\)/.test(readFileSync(file, 'utf8'))) {
          throw new Error(`${file} wraps require("vscode"): import it as \`import * as vscode from 'vscode'\``);
        }
      }
    });
  },
};

// dockerfile-ast and dockerfile-utils require() these packages some hundred times per instruction
// (Range.create, positionAt). Bundled from their ES module builds (esbuild prefers `module`), each such
// property read goes through two getters (__toCommonJS over __export): ~5% of a lint run. Their CommonJS
// builds are the same code with plain exports objects.
const commonJsBuildsOfLspTypes = {
  'vscode-languageserver-types': './node_modules/vscode-languageserver-types/lib/umd/main.js',
  'vscode-languageserver-textdocument': './node_modules/vscode-languageserver-textdocument/lib/umd/main.js',
};

const common = {
  metafile: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  // dockerode's optional ssh2 native crypto is required inside try/catch; esbuild leaves it as a warning.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [lazyExternal, plainVscodeRequires],
    // Lazy bundles are loaded with require(): the extension host's module loader handles it everywhere.
    supported: { 'dynamic-import': false } },
  { ...common, entryPoints: { engine: 'src/engine/index.ts' }, outdir: 'dist', external: ['vscode', 'cpu-features', '*.node'], plugins: [deferredRequires] },
  { ...common, entryPoints: { languageClient: 'src/language/client.ts' }, outdir: 'dist', external: ['vscode'], plugins: [plainVscodeRequires] },
  { ...common, entryPoints: { server: 'src/server/server.ts', serverWorker: 'src/server/serverWorker.ts', cli: 'src/server/cli.ts' }, outdir: 'dist', external: ['vscode', 'cpu-features'],
    alias: commonJsBuildsOfLspTypes },
  { ...common, entryPoints: { composeLanguageClient: 'src/language/composeClient.ts' }, outdir: 'dist', external: ['vscode'], plugins: [plainVscodeRequires] },
  { ...common, entryPoints: { composeServer: 'src/server/compose/composeServer.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { composeRisks: 'src/compose/composeRisks.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { doctor: 'src/doctor/index.ts' }, outdir: 'dist', external: ['vscode'] },
  // Required by bin/dockside-lint before the CLI bundle, which it compiles with a code cache.
  { ...common, entryPoints: { codeCache: 'src/shared/codeCache.ts' }, outdir: 'dist' },
  // ssh2's optional native crypto stays outside, as in the engine bundle (it falls back to Node's crypto).
  // Each self-contained: proto-loader keeps its own protobufjs, which its descriptor extension patches.
  { ...common, entryPoints: Object.fromEntries(Object.entries(vendorBundles).map(([pkg, file]) => [file.slice(2, -3), pkg])), outdir: 'dist', external: ['cpu-features', '*.node'] },
];

// --only=extension,engine builds just those bundles (a quicker loop while working on one part).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const selected = only ? builds.filter((b) => Object.keys(b.entryPoints).some((name) => only.includes(name))) : builds;

if (watch) {
  const contexts = await Promise.all(selected.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  await Promise.all(selected.map((b) => esbuild.build(b)));
  // dockerode loads its .proto files from beside the bundle at run time (BuildKit session and progress).
  cpSync('node_modules/dockerode/lib/proto', 'dist/proto', { recursive: true });
  // The English runtime bundle is extracted from the sources, so it can never go stale.
  if (!only) execFileSync(process.execPath, ['node_modules/@vscode/l10n-dev/dist/cli.js', 'export', '-o', 'l10n', 'src'], { stdio: 'ignore' });
  if (tests) {
    rmSync('out', { recursive: true, force: true });
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
  }
}
