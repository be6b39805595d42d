// Entry point of the dockside-lint command (bundled to dist/cli.js, started by bin/dockside-lint).
import * as l10n from '@vscode/l10n';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runLintCommand } from './lintCommand';

/** The package root: dist/cli.js sits one level below it, in the repo and in the installed extension. */
const packageRoot = join(__dirname, '..');

function readVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** The terminal's locale, e.g. `zh_CN.UTF-8` → `zh-cn`. */
const locale = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || 'en').split('.')[0].replace('_', '-').toLowerCase();

/** Chinese output when the terminal's locale asks for it, from the bundle the extension ships. */
function configureLanguage(): void {
  const bundle = join(packageRoot, 'l10n', 'bundle.l10n.zh-cn.json');
  if (locale.startsWith('zh') && existsSync(bundle)) l10n.config({ fsPath: bundle });
}

/**
 * A reader that went away (`dockside-lint … | head -c 10`) ends the output quietly, as other command-line
 * tools do: no "Unhandled 'error' event", the exit code stays the lint result's.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

configureLanguage();
void runLintCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: quietOnClosedPipe(process.stdout),
  stderr: quietOnClosedPipe(process.stderr),
  readStdin: () => readFileSync(0, 'utf8'),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  version: readVersion(),
  locale,
  docsBaseUri: pathToFileURL(join(packageRoot, 'docs', 'rules')).href,
}).then((code) => {
  process.exitCode = code;
});
