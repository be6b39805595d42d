// The long version of the LSP fuzz test (test/unit/server/lspFuzz.test.ts): 100,000 mutated corpus
// documents by default (DOCKSIDE_BENCH_LSP_FUZZ changes it) through the bundled server over JSON-RPC.
// Prints the slowest diagnostics and requests, how many went over 2 s, and the server's memory after.
import * as fs from 'node:fs';
import { corpusFiles, mutate, random } from '../unit/rules/dockerfileFuzzer';
import { LspTestClient } from '../unit/server/lspTestClient';
import { corpusDir, exercise, openAndDiagnose, rssMb } from '../unit/server/lspFuzzer';

export async function run(count = Number(process.env.DOCKSIDE_BENCH_LSP_FUZZ ?? 100_000)): Promise<void> {
  if (!fs.existsSync(corpusDir)) throw new Error(`The corpus of real Dockerfiles is missing: expected it at ${corpusDir}`);
  const seeds = corpusFiles(corpusDir);
  const settings = new Map<string, unknown>();
  settings.get = () => ({ lint: { shellcheck: false } });
  const client = await LspTestClient.start({ settings });
  const next = random(100_000);
  let slowest = 0;
  let slowestRequest = 0;
  let over = 0;
  let peak = 0;
  const started = Date.now();
  try {
    for (let i = 0; i < count; i++) {
      const text = mutate(seeds[Math.floor(next() * seeds.length)], next);
      const uri = `file:///tmp/dockside-bench-fuzz/${i}/Dockerfile`;
      const { ms } = await openAndDiagnose(client, uri, text);
      slowest = Math.max(slowest, ms);
      if (ms > 2000) over++;
      if (i % 10 === 0) {
        for (const timed of await exercise(client, uri, text, next)) {
          slowestRequest = Math.max(slowestRequest, timed.ms);
          if (timed.ms > 2000) over++;
        }
        peak = Math.max(peak, rssMb(client.pid!));
      }
      client.close(uri);
      if (!client.alive) throw new Error(`the server died at document ${i}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    console.log(`lsp fuzz: ${count} documents in ${((Date.now() - started) / 1000).toFixed(0)} s; slowest diagnostics ${slowest} ms, ` +
      `slowest other request ${slowestRequest} ms, ${over} over 2 s; memory peak ${peak.toFixed(0)} MB, after ${rssMb(client.pid!).toFixed(0)} MB (limit 300 MB)`);
  } finally {
    await client.stop();
  }
}
