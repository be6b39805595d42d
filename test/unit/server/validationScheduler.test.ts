// When validation runs while typing: a lone keystroke at once, a burst coalesced, stale results dropped.
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ValidationScheduler } from '../../../src/server/diagnostics';
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
