// Every rule has a section on its docs page in English and Chinese, and both languages have a message.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../src/server/rules';
import { repoRoot } from './ruleTestKit';

describe('rule docs and messages', () => {
  for (const language of ['en', 'zh-cn']) {
    it(`docs/rules/${language} has a section for every rule`, () => {
      const missing: string[] = [];
      for (const rule of allRules()) {
        const page = readFileSync(path.join(repoRoot, 'docs', 'rules', language, `${rule.page}.md`), 'utf8');
        if (!page.includes(`\n## ${rule.id}\n`)) missing.push(rule.id);
      }
      assert.deepEqual(missing, []);
    });
  }

  it('every rule has an English and a Chinese message with the same placeholders', () => {
    for (const rule of allRules()) {
      assert.ok(rule.en.length > 0 && rule.zh.length > 0, rule.id);
      assert.ok(/[\u4e00-\u9fff]/.test(rule.zh), `${rule.id}: Chinese message expected`);
      assert.deepEqual(rule.zh.match(/\{\d\}/g)?.sort() ?? [], rule.en.match(/\{\d\}/g)?.sort() ?? [], rule.id);
    }
  });

  it('knows at least 60 hadolint rules', () => {
    assert.ok(allRules().filter((r) => r.source === 'hadolint').length >= 60);
  });
});
