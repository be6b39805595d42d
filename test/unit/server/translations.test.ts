// English and Simplified Chinese for everything the language features say: the l10n strings of the server
// and client, dockerfile-utils' messages re-written through them, and the hover pages.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { instructionDocs, instructionHoverMarkdown } from '../../../src/server/instructionDocs';
import { readSettings } from '../../../src/server/settings';
import { lintDockerfile } from '../../../src/server/validate';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const chineseBundlePath = path.join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json');
const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();

/** The string literals passed to l10n.t in our sources, read the way the l10n export reads them. */
function l10nKeys(folder: string): string[] {
  const keys: string[] = [];
  for (const file of fs.readdirSync(folder, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts') || file.startsWith('rules')) continue;
    const source = fs.readFileSync(path.join(folder, file), 'utf8');
    for (const match of source.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) {
      keys.push(match[1] === '"' ? JSON.parse(`"${match[2]}"`) : match[2].replace(/\\'/g, "'").replace(/\\\\/g, '\\'));
    }
  }
  return keys;
}

describe('language feature translations', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('has a Chinese string with the same placeholders for every l10n key of the server and client', () => {
    const bundle = JSON.parse(fs.readFileSync(chineseBundlePath, 'utf8')) as Record<string, string>;
    const keys = [...l10nKeys(path.join(repoRoot, 'src', 'server')), ...l10nKeys(path.join(repoRoot, 'src', 'language'))];
    assert.ok(keys.length > 70, `found only ${keys.length} keys`);
    assert.deepEqual(keys.filter((key) => !(key in bundle)), []);
    for (const key of keys) assert.deepEqual(placeholders(bundle[key]), placeholders(key), key);
  });

  it('shows dockerfile-utils problems in Chinese when the bundle is loaded', () => {
    const settings = readSettings({ lint: { enable: false } });
    const text = 'FROM alpine:3.20\nfoo bar\nCOPY --frm=a b c/\nMAINTAINER me\n';
    const english = lintDockerfile({ text, settings }).map((problem) => problem.message);
    assert.deepEqual(english, ['Unknown instruction: FOO', 'Unknown flag: frm', 'MAINTAINER has been deprecated']);
    l10n.config({ fsPath: chineseBundlePath });
    const chinese = lintDockerfile({ text, settings }).map((problem) => problem.message);
    assert.deepEqual(chinese, ['未知指令：FOO', '未知选项：frm', 'MAINTAINER 已弃用']);
  });

  it('documents every instruction in both languages with an example', () => {
    const instructions = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];
    assert.deepEqual(Object.keys(instructionDocs).sort(), instructions);
    for (const name of instructions) {
      const doc = instructionDocs[name];
      assert.match(doc.zh, /[\u4e00-\u9fff]/, `${name} has no Chinese text`);
      assert.doesNotMatch(doc.en, /[\u4e00-\u9fff]/, name);
      assert.ok(doc.example.length > 0, name);
    }
    assert.match(instructionHoverMarkdown('workdir', 'zh-cn') ?? '', /^\*\*WORKDIR\*\*\n\n为后续指令设置工作目录.*\n\n示例:\n\n```dockerfile\nWORKDIR \/app\n```$/s);
    assert.match(instructionHoverMarkdown('FROM', 'en') ?? '', /Starts a new build stage.*Example:\n\n```dockerfile\nFROM golang:1\.22 AS build/s);
    assert.equal(instructionHoverMarkdown('NOTANINSTRUCTION', 'en'), undefined);
  });
});
