// Documents and requests that fuzz the language server over JSON-RPC: the pathological shapes of issue 12
// and the editor's requests for an open document, timed. Shared by the CI test and the benchmark.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspTestClient, repoRoot } from './lspTestClient';

export const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'dockerfiles');
/** The shapes of issue 12 (and a few relatives): each once cost seconds to minutes, or crashed a parse. */
export function pathologicalDocuments(): Array<[string, string]> {
  const stages: string[] = [];
  for (let stage = 0; stage < 1007; stage++) {
    stages.push(`FROM busybox AS s${stage}`);
    for (let i = 0; i < 9 && stages.length < 10_000; i++) stages.push(i % 3 === 0 ? `ENV V${i}=${stage}` : `RUN echo ${i} $V0`);
  }
  const chain = ['FROM busybox AS s0'];
  for (let i = 1; i < 2000; i++) chain.push(`FROM s${i - 1} AS s${i}`);
  return [
    ['a 1 MB line', `FROM busybox\nRUN echo ${'a'.repeat(1 << 20)}\n`],
    ['a 1 MB line of variables', `FROM busybox\nRUN echo ${'$a '.repeat(350_000)}\n`],
    ['16 KB of $a in one RUN', `FROM busybox\nRUN echo${' $a'.repeat(5500)}\n`],
    ['10,000 instructions in 1,007 stages', stages.slice(0, 10_000).join('\n') + '\n'],
    ['a chain of 2,000 FROM s(i-1)', chain.join('\n') + '\n'],
    ['deep ${ nesting', `FROM busybox\nARG X=${'${'.repeat(50_000)}\nRUN echo ${'${'.repeat(50_000)}\n`],
    ['ARG X=${ and 32 K backslashes', `ARG X=\${${'\\'.repeat(32_768)}\nFROM busybox\n`],
    ['a long backslash run in RUN', `FROM busybox\nRUN echo ${'\\'.repeat(100_000)}\n`],
    ['10,000 continuation lines', `FROM busybox\nRUN true${' \\\n  && true'.repeat(10_000)}\n`],
    ['an unterminated heredoc', `FROM busybox\nRUN <<EOF\n${'echo $x\n'.repeat(20_000)}`],
    ['many unterminated heredocs', `FROM busybox\n${'RUN cat <<A <<B <<C\n'.repeat(3000)}`],
    ['NUL characters', `FROM busybox\0\nRUN echo \0\0\0 $\0{a}\n${'\0'.repeat(100_000)}\n`],
    ['invalid UTF-8 (lone surrogates, replacement characters)', `FROM busybox\nRUN echo \uD800 \uDFFF \uFFFD\uFFFD ${'\uD83D'.repeat(50_000)}\nLABEL a=\uDC00\n`],
    ['the leading-space ARG that overflowed the stack', ' ARG A=$"x"\nFROM busybox\n'],
    ['deep $( nesting in RUN', `FROM busybox\nRUN echo ${'$('.repeat(20_000)}\n`],
    ['100,000 empty comment lines', `FROM busybox\n${'#\n'.repeat(100_000)}RUN true\n`],
  ];
}

export interface Timed {
  method: string;
  ms: number;
  result: unknown;
}

/** Sends the requests an editor sends for an open document, concurrently, timing each answer. */
export async function exercise(client: LspTestClient, uri: string, text: string, next: () => number): Promise<Timed[]> {
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  const character = Math.floor(next() * Math.min(200, (lines[line]?.length ?? 0) + 1));
  const position = { line, character };
  const textDocument = { uri };
  const requests: Array<[string, unknown]> = [
    ['textDocument/semanticTokens/full', { textDocument }],
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/documentHighlight', { textDocument, position }],
    ['textDocument/documentLink', { textDocument }],
    ['textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }],
    ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }],
  ];
  return Promise.all(
    requests.map(async ([method, params]) => {
      const started = Date.now();
      const result = await client.request(method, params);
      return { method, ms: Date.now() - started, result };
    }),
  );
}

/** Opens a document and waits for its first diagnostics, timing them from the open. */
export async function openAndDiagnose(client: LspTestClient, uri: string, text: string): Promise<{ ms: number; diagnostics: Diagnostic[] }> {
  const started = Date.now();
  const published = client.nextDiagnostics(uri);
  client.open(uri, text);
  const diagnostics = await Promise.race([
    published,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 10 s`)), 10_000)),
  ]);
  return { ms: Date.now() - started, diagnostics };
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

