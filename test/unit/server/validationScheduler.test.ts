// When validation runs while typing: a lone keystroke at once, a burst coalesced, stale results dropped.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ValidationScheduler } from '../../../src/server/diagnostics';
import { runningShellchecks } from '../../../src/server/rules/shellcheck/shellcheck';
import { readSettings } from '../../../src/server/settings';

class FakeEditor {
  text = 'FROM alpine:3.20\n';
  version = 1;
  readonly published: { version: number; diagnostics: Diagnostic[] }[] = [];
  private waiters: (() => void)[] = [];

  type(text: string): void {
    this.text = text;
    this.version++;
  }

  nextPublication(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  readonly host = {
    getDocument: () => ({ text: this.text, version: this.version }),
    getSettings: async () => readSettings({ lint: { enable: false } }),
    publish: (_uri: string, diagnostics: Diagnostic[]) => {
      this.published.push({ version: this.version, diagnostics });
      this.waiters.splice(0).forEach((resolve) => resolve());
    },
    logError: (message: string, error: unknown) => assert.fail(`${message}: ${String(error)}`),
  };
}

describe('validation scheduling', () => {
  const uri = 'file:///tmp/scheduler/Dockerfile';

  it('validates a lone keystroke without waiting for the debounce', async () => {
    const editor = new FakeEditor();
    const scheduler = new ValidationScheduler(editor.host);
    const published = editor.nextPublication();
    editor.type('FROM alpine:3.20\nfoo\n');
    scheduler.validateSoon(uri);
    // The leading-edge run starts synchronously: its settings are already being read.
    await published;
    assert.equal(editor.published.length, 1);
    assert.equal(editor.published[0].diagnostics[0].code, 'unknownInstruction');
  });

  it('coalesces a burst of keystrokes and publishes the last text', async () => {
    const editor = new FakeEditor();
    const scheduler = new ValidationScheduler(editor.host);
    for (const text of ['FROM alpine:3.20\nf\n', 'FROM alpine:3.20\nfo\n', 'FROM alpine:3.20\nfoo\n', 'FROM alpine:3.20\nUSER 1\n']) {
      editor.type(text);
      scheduler.validateSoon(uri);
    }
    await new Promise<void>((resolve) => {
      const check = () => (editor.published.some((p) => p.version === editor.version) ? resolve() : void editor.nextPublication().then(check));
      check();
    });
    // The leading run reads the text once its settings arrive, so it already validates the last keystroke;
    // the trailing run then finds nothing new and publishes nothing.
    assert.deepEqual(editor.published.map((p) => [p.version, p.diagnostics.length]), [[5, 0]]);
    editor.type('FROM alpine:3.20\nfoo\n');
    const after = editor.nextPublication();
    scheduler.validateSoon(uri);
    await after;
    assert.deepEqual(editor.published.map((p) => [p.version, p.diagnostics.length]), [[5, 0], [6, 1]]);
  });
});

describe('ShellCheck while typing', function () {
  this.timeout(30_000);
  const uri = 'file:///tmp/scheduler-sc/Dockerfile';

  it('publishes the fast diagnostics first, cancels superseded runs and never runs more than two at once', async function () {
    if (!fs.existsSync('/usr/bin/shellcheck')) this.skip();
    const tools = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-slow-sc-'));
    const log = path.join(tools, 'log');
    // A slow ShellCheck: a run that is not cancelled logs its end.
    fs.writeFileSync(path.join(tools, 'shellcheck'), `#!/bin/sh\n[ "$1" = --version ] && exec /usr/bin/shellcheck --version\necho start >> "${log}"\nsleep 1\n/usr/bin/shellcheck "$@"; status=$?\necho end >> "${log}"\nexit $status\n`, { mode: 0o755 });
    const editor = new FakeEditor();
    const settings = readSettings({ lint: { shellcheckPath: path.join(tools, 'shellcheck') } });
    const host = { ...editor.host, getSettings: async () => settings };
    const scheduler = new ValidationScheduler(host);
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, runningShellchecks())), 5);
    try {
      for (let key = 0; key < 10; key++) {
        editor.type(`FROM alpine:3.20\nfoo\nRUN echo $${key} && cd /tmp\n`);
        scheduler.validateSoon(uri);
        await new Promise((resolve) => setTimeout(resolve, 70));
      }
      const codes = (index: number) => editor.published[index].diagnostics.map((d) => d.code);
      while (!editor.published.some((p) => p.version === editor.version && p.diagnostics.some((d) => d.code === 'SC2164'))) await editor.nextPublication();
      // Step one came before ShellCheck finished: the unknown instruction without any SC finding.
      assert.ok(codes(0).includes('unknownInstruction') && !codes(0).some((code) => String(code).startsWith('SC')), JSON.stringify(codes(0)));
      const final = editor.published[editor.published.length - 1].diagnostics;
      assert.ok(final.some((d) => d.code === 'SC2086' && d.range.start.line === 2), JSON.stringify(final));
      const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
      assert.ok(most <= 2, `${most} ShellCheck processes at once`);
      assert.ok(lines.filter((l) => l === 'end').length < lines.filter((l) => l === 'start').length, `superseded runs were not cancelled: ${lines.join(' ')}`);
      assert.equal(editor.published.filter((p) => p.version < editor.version && p.diagnostics.some((d) => String(d.code).startsWith('SC'))).length, 0,
        'a superseded version published ShellCheck findings');
    } finally {
      clearInterval(sampler);
      fs.rmSync(tools, { recursive: true, force: true });
    }
  });
});
