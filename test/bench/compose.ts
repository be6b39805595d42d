// Compose validation time on a 1,000-line compose file (goal: under 20 ms in-process, the whole check:
// YAML parse, the specification, the semantic checks with their file lookups): on a keystroke in a service,
// as the language server validates (the document's parse cache re-parses only the service typed in), and
// the first check of a file (nothing cached); the YAML parse of the whole file alone for comparison. The file is built from the project's spec fixtures' kinds of services: ports, volumes,
// networks, depends_on, healthchecks, anchors and merge keys. Measures only; prints figures.
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { diskFiles } from '../../src/server/compose/composeFiles';
import { ComposeParseCache } from '../../src/server/compose/composeChunks';
import { parseCompose } from '../../src/server/compose/composeDocument';
import { lintCompose } from '../../src/server/compose/validateCompose';
import { completeCompose } from '../../src/server/compose/composeCompletion';

const ROUNDS = 60;

/** About 1,000 lines: an anchor with shared settings, then services of 25 lines each, and their top-level definitions. */
export function thousandLineCompose(): string {
  const lines = ['x-common: &common', '  restart: unless-stopped', '  logging:', '    driver: json-file', '    options: { max-size: 10m }', 'services:'];
  let n = 0;
  while (lines.length < 940) {
    lines.push(
      `  svc${n}:`,
      '    <<: *common',
      '    image: dockside-test/busybox:latest',
      `    command: ["sh", "-c", "echo ${n}; exec sleep 3600"]`,
      '    ports:',
      `      - "127.0.0.1:${20000 + n}:80"`,
      `      - target: 81`,
      `        published: "${30000 + n}"`,
      '        host_ip: 127.0.0.1',
      '    volumes:',
      `      - data${n % 5}:/var/lib/data`,
      '      - ./static:/srv/static:ro',
      '    networks: [front, back]',
      '    environment:',
      `      SERVICE_INDEX: "${n}"`,
      '      LOG_LEVEL: info',
      ...(n > 0 ? ['    depends_on:', `      svc${n - 1}:`, '        condition: service_started'] : ['    depends_on: []', '    init: true', '    tty: false']),
      '    healthcheck:',
      '      test: ["CMD", "true"]',
      '      interval: 10s',
      '      timeout: 2s',
      '    stop_grace_period: 30s',
      '    labels: { app: shop }',
    );
    n++;
  }
  lines.push('networks:', '  front: {}', '  back:', '    internal: true', 'volumes:', ...Array.from({ length: 5 }, (_, i) => `  data${i}: {}`));
  while (lines.length < 1000) lines.push(`# ${lines.length}`);
  return lines.join('\n') + '\n';
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Wall-clock samples, and the process's CPU time per round: on a machine shared with other work (the load
 * average is printed) the wall clock includes waiting for a core; the CPU time is what the check costs.
 */
function time(fn: (round: number) => void): { wall: number[]; cpuMs: number } {
  for (let i = 0; i < 5; i++) fn(-1 - i); // warm-up: JIT, the model's caches
  const wall: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    fn(round);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpuMs: (cpu.user + cpu.system) / 1000 / ROUNDS };
}

export async function run(): Promise<void> {
  const text = thousandLineCompose();
  const files = diskFiles(path.join(os.tmpdir(), 'compose.yaml'));
  // A fresh text each round, as while typing: a value in a service in the middle of the file changes.
  const at = text.indexOf('      LOG_LEVEL: info', text.length / 2) + '      LOG_LEVEL: info'.length;
  const variant = (round: number) => `${text.slice(0, at)}${round < 0 ? 'w' : round}${text.slice(at)}`;
  const problems = lintCompose({ text, files });
  const cache = new ComposeParseCache();
  lintCompose({ text, files, cache });
  const report = (label: string, { wall, cpuMs }: { wall: number[]; cpuMs: number }) =>
    console.log(`${label.padEnd(44)} median ${percentile(wall, 50).toFixed(2)} ms, p95 ${percentile(wall, 95).toFixed(2)} ms, CPU ${cpuMs.toFixed(2)} ms a round`);
  console.log(`compose file: ${text.split('\n').length - 1} lines, ${problems.length} problems; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  report('validate a keystroke (as the server does)', time((r) => lintCompose({ text: variant(r), files, cache })));
  report('validate the file first (nothing cached)', time((r) => lintCompose({ text: variant(r), files })));
  report('YAML parse alone (yaml.parseDocument)', time((r) => parseDocument(variant(r))));
  const offset = text.indexOf('    image:', text.length / 2);
  const wall: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    await completeCompose(text, offset + 4, { doc: parseCompose(text, cache) });
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const cpu = process.cpuUsage(cpuStart);
  report('completion of a key in the middle (parsed)', { wall, cpuMs: (cpu.user + cpu.system) / 1000 / ROUNDS });
}
