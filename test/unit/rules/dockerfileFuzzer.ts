// Random but repeatable mutations of real Dockerfiles, aimed at what parsers trip on: quotes, escapes,
// continuations, heredocs, brackets, flags and deep nesting. Shared by the fuzz test and the benchmark.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const FRAGMENTS = ['\\', '\\\n', '"', "'", '`', '$', '${', '$(', '$((', '(', ')', '{', '}', '[', ']', '<<EOF\n', '\nEOF\n',
  '<<-"X"\n', '|', '||', '&&', '&', ';', ';;', '#', '\n', '\t', ' ', '=', '--mount=type=cache,target=/x ', 'RUN ', 'FROM ',
  'COPY --from=', ' AS ', 'ARG ', 'ENV A ', 'if ', 'then ', 'fi', 'case ', ' in ', 'esac', 'do ', 'done', '[[', ']]',
  'apt-get install ', 'pip install ', 'sh -c "', '# hadolint ignore=', '# check=skip=', '$(((((((', '))))))', '中文',
  '\u0000', '\r\n', '\uFEFF', 'ONBUILD ', 'SHELL ["pwsh"]\n', '# escape=`\n', 'WORKDIR ', 'USER ', 'EXPOSE 99999/TCP '];

export function corpusFiles(dir: string): string[] {
  const texts: string[] = [];
  for (const repo of readdirSync(dir).sort()) {
    for (const file of readdirSync(path.join(dir, repo)).sort()) {
      if (file !== 'LICENSE') texts.push(readFileSync(path.join(dir, repo, file), 'utf8'));
    }
  }
  return texts;
}

/** mulberry32: small, fast and seedable, so a failing mutation can be replayed from its index. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mutate(text: string, next: () => number): string {
  let result = text;
  const operations = 1 + Math.floor(next() * 6);
  for (let i = 0; i < operations; i++) {
    const at = Math.floor(next() * (result.length + 1));
    const choice = next();
    if (choice < 0.35) {
      result = result.slice(0, at) + FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] + result.slice(at);
    } else if (choice < 0.55) {
      result = result.slice(0, at) + result.slice(at + 1 + Math.floor(next() * 40));
    } else if (choice < 0.7) {
      const lines = result.split('\n');
      const line = Math.floor(next() * lines.length);
      lines.splice(line, 0, lines[Math.floor(next() * lines.length)]);
      result = lines.join('\n');
    } else if (choice < 0.8) {
      result = result.slice(0, at);
    } else if (choice < 0.9) {
      const c = String.fromCharCode(32 + Math.floor(next() * 95));
      result = result.slice(0, at) + c + result.slice(at + 1);
    } else {
      const depth = 1 + Math.floor(next() * 200);
      const open = ['$(', '(', '{ ', '`', '"', 'if true; then '][Math.floor(next() * 6)];
      result = result.slice(0, at) + open.repeat(depth) + result.slice(at);
    }
  }
  return result;
}
