// Every user-facing string has a Simplified Chinese translation that keeps its placeholders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string | { message: string }>;
const text = (v: string | { message: string }) => (typeof v === 'string' ? v : v.message);
const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();

function assertTranslated(englishFile: string, chineseFile: string): void {
  const en = read(englishFile);
  const zh = read(chineseFile);
  const missing = Object.keys(en).filter((k) => !(k in zh));
  assert.deepEqual(missing, [], `${chineseFile} lacks translations`);
  for (const [key, value] of Object.entries(en)) {
    assert.deepEqual(placeholders(text(zh[key])), placeholders(text(value)), `placeholders of "${key}"`);
    assert.ok(text(zh[key]).trim().length > 0, `empty translation for "${key}"`);
  }
}

describe('translations', () => {
  it('translates every manifest string', () => assertTranslated('package.nls.json', 'package.nls.zh-cn.json'));

  it('translates every runtime string found in the sources', () => assertTranslated('l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json'));

  it('uses only manifest keys that exist', () => {
    const manifest = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    const en = read('package.nls.json');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    const unknown = used.filter((k) => !(k in en));
    assert.deepEqual(unknown, [], 'package.json refers to keys missing from package.nls.json');
  });
});
