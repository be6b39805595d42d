// Builds the minified bundles and packs them into dockside-<version>.vsix with @vscode/vsce.
// Dependencies are bundled by esbuild, so the package carries no node_modules. The project has no public
// repository yet, so README links stay relative (they resolve inside the installed extension).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `dockside-${version}.vsix`;
execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'inherit' });
execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out], {
  stdio: 'inherit',
});
const bytes = statSync(out).size;
console.log(`${out}: ${(bytes / 1024).toFixed(0)} KiB (${bytes} bytes)`);
