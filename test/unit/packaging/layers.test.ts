// The layering of GUIDE.md, checked on the sources: engine/ knows neither vscode nor the UI folders,
// models/ is plain, and nothing below commands/ imports from it (issue 15 mended two that ran backwards).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../../../src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The top-level src folders (or 'vscode', 'dockerode') each file of `folder` imports. */
function importsOf(folder: string): { file: string; target: string }[] {
  return sources(path.join(SRC, folder)).flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => {
      const spec = m[1]!;
      if (!spec.startsWith('.')) return { file, target: spec };
      const rel = path.relative(SRC, path.resolve(path.dirname(file), spec));
      return { file: path.relative(SRC, file), target: rel.split(path.sep)[0]! };
    });
  });
}

function offenders(folder: string, forbidden: readonly string[]): string[] {
  return importsOf(folder)
    .filter((i) => forbidden.includes(i.target))
    .map((i) => `${i.file} -> ${i.target}`);
}

describe('layers', () => {
  it('engine/ imports no vscode and nothing from the UI folders', () => {
    assert.deepEqual(offenders('engine', ['vscode', 'run', 'commands', 'tree', 'session', 'terminals', 'manage', 'build']), []);
  });

  it('models/ is plain: no vscode, no dockerode, no other layer', () => {
    assert.deepEqual(offenders('models', ['vscode', 'dockerode', 'engine', 'run', 'commands', 'tree', 'session']), []);
  });

  it('doctor/ is pure: no vscode, no dockerode, nothing from the engine or UI folders', () => {
    assert.deepEqual(offenders('doctor', ['vscode', 'dockerode', 'engine', 'run', 'commands', 'tree', 'session', 'webview', 'terminals', 'manage', 'build']), []);
  });

  it('scaffold/ is pure: detection and templates import no vscode, no dockerode, nothing from the engine or UI folders', () => {
    assert.deepEqual(offenders('scaffold', ['vscode', 'dockerode', 'engine', 'run', 'commands', 'tree', 'session', 'webview', 'terminals', 'manage', 'build']), []);
  });

  it('nothing below commands/ imports from commands/', () => {
    const below = fs.readdirSync(SRC).filter((f) => f !== 'commands' && fs.statSync(path.join(SRC, f)).isDirectory());
    assert.ok(below.includes('tree') && below.includes('tasks'), 'every folder beside commands/ is checked');
    for (const folder of below) {
      if (fs.existsSync(path.join(SRC, folder))) assert.deepEqual(offenders(folder, ['commands']), [], folder);
    }
  });
});
