// The rule engine's cost next to dockerfile-utils' validate on the same 1,000-line multi-stage text built
// from corpus files, and a long fuzz run (100,000 mutations by default; DOCKSIDE_BENCH_FUZZ or the
// argument changes it). Measures only; prints figures.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validate } from 'dockerfile-utils';
import { corpusFiles, mutate, random } from '../unit/rules/dockerfileFuzzer';

const ROUNDS = 60;

function corpusDir(): string {
  return path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'dockerfiles');
}

/** About 1,000 lines of whole multi-stage Dockerfiles from the corpus (Linux ones), directives dropped. */
export function thousandLineText(dir = corpusDir()): string {
  const manifest = readFileSync(path.join(dir, '..', 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t'));
  const chosen = manifest.filter((row) => row[5]?.includes('multistage') && !row[5]?.includes('windows'))
    .concat(manifest.filter((row) => row[5] === '' && Number(row[6]) > 100));
  const lines: string[] = [];
  for (const row of chosen) {
    if (lines.length >= 1000) break;
    const text = readFileSync(path.join(dir, '..', row[0]), 'utf8');
    lines.push(...text.split('\n').filter((l) => !/^#\s*(syntax|escape|check)=/i.test(l)));
  }
  return lines.slice(0, 1000).join('\n');
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Times `fn` on a fresh variant of the text each round (a trailing comment differs), so nothing cached
 * for one text (the shared parse, ShellCheck results) helps the next round: like typing.
 */
function time(text: string, fn: (variant: string) => void, rounds = ROUNDS): number[] {
  let round = 0;
  // A leading comment: appended text could extend the last instruction if it ends in a continuation.
  const variant = () => `# round ${round++} ${Math.random()}\n${text}`;
  for (let i = 0; i < 5; i++) fn(variant());
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const input = variant();
    const start = performance.now();
    fn(input);
    samples.push(performance.now() - start);
  }
  return samples;
}

function report(label: string, samples: number[]): void {
  console.log(`${label.padEnd(48)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms`);
}

export async function run(fuzzCount = Number(process.env.DOCKSIDE_BENCH_FUZZ ?? 100_000)): Promise<void> {
  const dir = corpusDir();
  if (readdirSync(path.dirname(dir)).length === 0) throw new Error(`no corpus at ${dir}`);
  const text = thousandLineText(dir);
  // The baseline first: dockerfile-utils as shipped, before the rules module shares parses and tokens.
  const utils = time(text, (t) => validate(t));
  const { lintDockerfile } = await import('../../src/server/rules');
  const utilsShared = time(text, (t) => validate(t));
  const rules = time(text, (t) => lintDockerfile(t, { shellcheckPath: null }));
  // What the language server does per change: dockerfile-utils first, then the rules on the same text.
  const both = time(text, (t) => {
    validate(t);
    lintDockerfile(t, { shellcheckPath: null });
  });
  console.log(`text: ${text.split('\n').length} lines from corpus multi-stage Dockerfiles`);
  report('dockerfile-utils validate alone (as shipped)', utils);
  report('dockerfile-utils validate, shared parse/tokens', utilsShared);
  report('rule engine alone, own parse (ShellCheck off)', rules);
  report('validate + rule engine (one shared parse)', both);
  console.log(`ratio (validate + rules) / validate alone: p50 ${(percentile(both, 50) / percentile(utils, 50)).toFixed(2)}×, ` +
    `p95 ${(percentile(both, 95) / percentile(utils, 95)).toFixed(2)}×; target ≤ 1.5×`);
  const coldShellcheck = time(text, (t) => lintDockerfile(t.replace(/^RUN /gm, `RUN echo ${Math.random()}; `), {}), 5);
  report('rule engine + ShellCheck, every RUN body new', coldShellcheck);
  const oneBodyChanged = time(text, (t) => lintDockerfile(t.replace(/^RUN /m, `RUN echo ${Math.random()}; `), {}), 10);
  report('rule engine + ShellCheck, one RUN body edited', oneBodyChanged);
  const bodiesSame = time(text, (t) => lintDockerfile(t, {}), 20);
  report('rule engine + ShellCheck, RUN bodies unchanged', bodiesSame);

  const seeds = corpusFiles(dir);
  const next = random(7);
  let slowest = 0;
  let failures = 0;
  const started = performance.now();
  for (let i = 0; i < fuzzCount; i++) {
    const input = mutate(seeds[Math.floor(next() * seeds.length)], next);
    const start = performance.now();
    const result = lintDockerfile(input, { shellcheckPath: null });
    slowest = Math.max(slowest, performance.now() - start);
    if (result.internalErrors.length > 0) failures++;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`fuzz: ${fuzzCount} mutations in ${seconds.toFixed(1)} s, ${failures} with internal errors, slowest ${slowest.toFixed(1)} ms (limit 100 ms)`);
}

if (require.main === module) {
  run(process.argv[2] ? Number(process.argv[2]) : undefined).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
