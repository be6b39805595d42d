// The language server must never freeze and never go silent: the bundled server, forked and spoken to over
// JSON-RPC, gets 2,000 mutated corpus Dockerfiles and the pathological shapes that once blocked it for
// minutes or overflowed its stack. Every request must be answered within 2 s, every document must get its
// diagnostics, the process must survive, and its memory must come back under 300 MB.
// The 100,000-document version runs in `npm run bench -- lspFuzz`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { corpusFiles, mutate, random } from '../rules/dockerfileFuzzer';
import { LspTestClient, serverBundle } from './lspTestClient';
import { corpusDir, exercise, openAndDiagnose, pathologicalDocuments, rssMb, type Timed } from './lspFuzzer';

const requestLimitMs = 2000;

describe('language server under fuzzing and pathological documents', function () {
  // Generous: the machine may be shared; what is checked is each request's time, not the run's.
  this.timeout(240_000);
  let client: LspTestClient;
  const slow: string[] = [];
  const answers = new Map<string, { diagnostics: Diagnostic[]; timed: Timed[] }>();
  const record = (label: string) => (timed: Timed) => {
    if (timed.ms > requestLimitMs) slow.push(`${label}: ${timed.method} took ${timed.ms} ms`);
  };

  before(async function () {
    if (!fs.existsSync(serverBundle)) throw new Error(`${serverBundle} is missing: run node scripts/build.mjs first`);
    if (!fs.existsSync(corpusDir)) assert.fail(`The corpus of real Dockerfiles is missing: expected it at ${corpusDir} (../shared/corpus beside the checkout).`);
    // ShellCheck has its own tests; here it would only make the run slower.
    client = await LspTestClient.start({ settings: new Map(), initializationOptions: {} });
  });
  after(() => client?.stop());
  beforeEach(() => {
    slow.length = 0;
  });

  it('answers every request on the pathological shapes within 2 s, with diagnostics for each', async () => {
    const next = random(12);
    for (const [name, text] of pathologicalDocuments()) {
      const uri = `file:///tmp/dockside-fuzz/pathological/${encodeURIComponent(name)}/Dockerfile`;
      // Diagnostics and the other requests at once, as an editor sends them: they run in separate workers.
      // (openAndDiagnose sends didOpen at once, so the requests that follow are about the open document.)
      const [{ ms, diagnostics }, timed] = await Promise.all([openAndDiagnose(client, uri, text), exercise(client, uri, text, next)]);
      if (ms > requestLimitMs) slow.push(`${name}: diagnostics took ${ms} ms`);
      assert.ok(Array.isArray(diagnostics), name);
      timed.forEach(record(name));
      answers.set(name, { diagnostics, timed });
      client.close(uri);
    }
    assert.ok(client.alive, 'the server process died');
    assert.deepEqual(slow, []);
    // A parse that overflows the stack loses its own part only: the rules' findings and one warning remain.
    const overflow = answers.get('the leading-space ARG that overflowed the stack')?.diagnostics ?? [];
    assert.ok(overflow.some((d) => d.code === 'analysisIncomplete'), JSON.stringify(overflow));
  });

  it('survives 2,000 mutated corpus documents, each request within 2 s, and gives its memory back', async () => {
    const seeds = corpusFiles(corpusDir).map((text) => text.split('\n'));
    const next = random(2000);
    for (let i = 0; i < 2000; i++) {
      // A window of a corpus file, mutated: whole files would make the run three times longer for no new shapes.
      const lines = seeds[Math.floor(next() * seeds.length)];
      const at = Math.floor(next() * lines.length);
      const text = mutate(lines.slice(at, at + 20).join('\n'), next);
      const uri = `file:///tmp/dockside-fuzz/mutation-${i}/Dockerfile`;
      const { ms } = await openAndDiagnose(client, uri, text);
      if (ms > requestLimitMs) slow.push(`mutation ${i}: diagnostics took ${ms} ms`);
      // Every twentieth document also gets the editor's other requests (all of them would double the run).
      if (i % 20 === 0) (await exercise(client, uri, text, next)).forEach(record(`mutation ${i}`));
      client.close(uri);
    }
    assert.ok(client.alive, 'the server process died');
    assert.deepEqual(slow, []);
    // Idle again: the server still answers, and its memory (threads included) is back under 300 MB.
    const uri = 'file:///tmp/dockside-fuzz/after/Dockerfile';
    const { diagnostics } = await openAndDiagnose(client, uri, 'FROM busybox\nfoo\n');
    assert.ok(diagnostics.some((d) => d.code === 'unknownInstruction'), JSON.stringify(diagnostics));
    // V8 gives memory back lazily (its memory reducer collects a few seconds after allocation stops): up to 30 s.
    const started = Date.now();
    let memory = rssMb(client.pid!);
    while (Date.now() - started < 30_000 && memory >= 300) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      memory = rssMb(client.pid!);
    }
    assert.ok(memory < 300, `the server holds ${memory.toFixed(0)} MB 30 s after the run`);
    console.log(`      the server holds ${memory.toFixed(0)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s after the run`);
  });
});
