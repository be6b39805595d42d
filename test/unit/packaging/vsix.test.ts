// The packed extension (npm run package, run by `npm test` before the unit tests) holds what VS Code loads
// and nothing else: bundles, manifests, translations, grammars, icons.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

describe('the .vsix package', function () {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const vsix = path.join(repoRoot, `dockside-${version}.vsix`);

  before(function () {
    if (!fs.existsSync(vsix)) this.skip();
  });

  it('contains the bundles, manifests and translations', () => {
    const files = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const needed of [
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.zh-cn.json',
      'extension/l10n/bundle.l10n.zh-cn.json',
      'extension/dist/extension.js',
      'extension/dist/engine.js',
      // Loaded by the engine bundle on first use (ssh engines, BuildKit sessions and progress).
      'extension/dist/vendor/ssh2.js',
      'extension/dist/vendor/grpc-js.js',
      'extension/dist/vendor/proto-loader.js',
      'extension/dist/vendor/protobufjs.js',
      'extension/dist/languageClient.js',
      'extension/dist/server.js',
      'extension/dist/cli.js',
      'extension/dist/doctor.js',
      'extension/media/doctor/doctor.js',
      'extension/media/webview/page.css',
      'extension/media/dockside.svg',
      'extension/media/walkthrough/connect.md',
      'extension/media/walkthrough/zh-cn/connect.md',
      'extension/readme.md',
    ]) {
      assert.ok(files.includes(needed), `${needed} is packed`);
    }
    const stray = files.filter((f) => /^extension\/(src|test|out[^/]*|node_modules|scripts|artifacts)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepEqual(stray, [], 'sources, tests, maps and node_modules stay out of the package');
  });

  it('stays lean', () => {
    const bytes = fs.statSync(vsix).size;
    assert.ok(bytes < 3 * 1024 * 1024, `the .vsix is ${bytes} bytes`);
  });
});
