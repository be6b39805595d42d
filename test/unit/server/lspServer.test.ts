// The bundled language server (dist/server.js) forked and driven over JSON-RPC, as VS Code drives it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, CompletionItem, Hover, MarkupContent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { applyEdits, LspTestClient, serverBundle } from './lspTestClient';

const testImage = 'dockside-test/busybox:latest';
const byCode = (code: string) => (diagnostic: { code?: number | string }) => diagnostic.code === code;

describe('language server over JSON-RPC', function () {
  let client: LspTestClient;
  const settings = new Map<string, unknown>();
  let imageNames: () => string[] = () => [testImage, 'alpine:3.20', '<none>:<none>'];

  before(async function () {
    if (!fs.existsSync(serverBundle)) throw new Error(`${serverBundle} is missing: run node scripts/build.mjs first`);
    client = await LspTestClient.start({ settings, imageNames: () => imageNames() });
  });
  after(() => client?.stop());

  it('publishes diagnostics on open with rule ids, sources and docs links', async () => {
    const uri = 'file:///tmp/dockside-lsp/open/Dockerfile';
    client.open(uri, 'FROM alpine:3.20\nfoo bar\nWORKDIR app\n');
    const diagnostics = await client.diagnostics(uri);
    const unknown = diagnostics.find(byCode('unknownInstruction'));
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.equal(unknown.range.start.line, 1);
    assert.equal(unknown.source, 'dockerfile-utils');
    assert.equal(unknown.severity, 1);
    const workdir = diagnostics.find(byCode('DL3000'));
    assert.ok(workdir, JSON.stringify(diagnostics));
    assert.equal(workdir.range.start.line, 2);
    assert.equal(workdir.source, 'hadolint');
    assert.match(workdir.codeDescription?.href ?? '', /docs\/rules\/en\/.*#dl3000$/);
    // dockerfile-utils' relative-WORKDIR check is the same problem: one diagnostic remains.
    assert.equal(diagnostics.filter((d) => d.range.start.line === 2 && /WORKDIR|DL3000/.test(`${d.code} ${d.message}`)).length, 1);
  });

  it('validates again after a change', async () => {
    const uri = 'file:///tmp/dockside-lsp/change/Dockerfile';
    client.open(uri, 'FROM alpine:3.20\nfoo bar\n');
    await client.diagnostics(uri, (list) => list.some(byCode('unknownInstruction')));
    const started = Date.now();
    client.replace(uri, 'FROM alpine:3.20\nUSER 1000\n');
    const after = await client.nextDiagnostics(uri);
    assert.equal(after.some(byCode('unknownInstruction')), false, JSON.stringify(after));
    assert.ok(Date.now() - started < 2000, 'diagnostics took too long after a change');
  });

  it('pulls settings per document and re-validates when they change', async () => {
    const strict = 'file:///tmp/dockside-lsp/strict/Dockerfile';
    const text = 'FROM alpine:3.20\n# a reasonably kept file\nUSER 1000\nCMD ["sh"]\nCMD ["sh", "-c", "true"]\n';
    settings.set(strict, { lint: { enable: false }, validation: { instructionCmdMultiple: 'error' } });
    client.open(strict, text);
    const first = await client.diagnostics(strict);
    assert.deepEqual(first.map((d) => [d.code, d.severity, d.range.start.line]), [['instructionCmdMultiple', 1, 3]]);

    settings.set(strict, { lint: { enable: false }, validation: { instructionCmdMultiple: 'ignore' } });
    const next = client.nextDiagnostics(strict);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await next, []);
  });

  it('completes local image names after FROM, and stage names and images after COPY --from=', async () => {
    const uri = 'file:///tmp/dockside-lsp/complete/Dockerfile';
    client.open(uri, 'FROM \nFROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from= /a /b\n');
    const atFrom = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 5 } });
    const labels = atFrom.map((item) => item.label);
    assert.ok(labels.includes(testImage), labels.join());
    assert.equal(labels.includes('<none>:<none>'), false);

    const atCopy = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 12 } });
    const copyLabels = atCopy.map((item) => item.label);
    assert.ok(copyLabels.includes('build'), copyLabels.join());
    assert.ok(copyLabels.includes(testImage), copyLabels.join());
    assert.ok(copyLabels.indexOf('build') < copyLabels.indexOf(testImage) || atCopy.find((i) => i.label === 'build')!.sortText === undefined);
  });

  it('completes without image names when no engine answers', async () => {
    imageNames = () => {
      throw new Error('connect ENOENT /var/run/docker.sock');
    };
    try {
      const uri = 'file:///tmp/dockside-lsp/no-engine/Dockerfile';
      client.open(uri, 'FROM alpine:3.20 AS base\nR');
      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 1 } });
      assert.ok(items.some((item) => item.label.startsWith('RUN')), items.map((i) => i.label).join());
    } finally {
      imageNames = () => [testImage];
    }
  });

  it('shows the instruction documentation on hover', async () => {
    const uri = 'file:///tmp/dockside-lsp/hover/Dockerfile';
    client.open(uri, 'FROM alpine:3.20\nWORKDIR /app\n');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /^\*\*WORKDIR\*\*/);
    assert.match(value, /Sets the working directory/);
    assert.match(value, /```dockerfile\nWORKDIR \/app\n```/);
  });

  it('helps with instruction signatures', async () => {
    const uri = 'file:///tmp/dockside-lsp/signature/Dockerfile';
    client.open(uri, 'FROM alpine:3.20\nHEALTHCHECK --interval=30s CMD true\n');
    const help = await client.request<{ signatures: { label: string }[] }>('textDocument/signatureHelp', { textDocument: { uri }, position: { line: 1, character: 14 } });
    assert.ok(help.signatures.some((signature) => signature.label.startsWith('HEALTHCHECK')), JSON.stringify(help));
  });

  it('renames a stage in FROM and every --from', async () => {
    const uri = 'file:///tmp/dockside-lsp/rename/Dockerfile';
    const text = 'FROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20\nCOPY --from=build /a /a\nCOPY --from=build /b /b\n';
    client.open(uri, text);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 3, character: 14 }, newName: 'compile' });
    const renamed = applyEdits(text, edit.changes![uri]);
    assert.equal(renamed, text.replace(/build/g, 'compile'));
  });

  it('finds references and the definition of an ARG', async () => {
    const uri = 'file:///tmp/dockside-lsp/references/Dockerfile';
    client.open(uri, 'FROM alpine:3.20\nARG VERSION=1\nRUN echo $VERSION\nLABEL v=${VERSION}\n');
    const references = await client.request<{ range: { start: { line: number } } }[]>('textDocument/references', {
      textDocument: { uri }, position: { line: 2, character: 12 }, context: { includeDeclaration: true },
    });
    assert.deepEqual(references.map((r) => r.range.start.line).sort(), [1, 2, 3]);
    const definition = await client.request<{ range: { start: { line: number; character: number } } }>('textDocument/definition', {
      textDocument: { uri }, position: { line: 3, character: 12 },
    });
    assert.deepEqual(definition.range.start, { line: 1, character: 4 });
  });

  it('formats a document', async () => {
    const uri = 'file:///tmp/dockside-lsp/format/Dockerfile';
    const text = '   FROM alpine:3.20\n\t RUN apk add curl \\\ngit\nCMD ["sh"]\n';
    client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.equal(applyEdits(text, edits), 'FROM alpine:3.20\nRUN apk add curl \\\n    git\nCMD ["sh"]\n');
  });

  it('formats a range and on type', async () => {
    const uri = 'file:///tmp/dockside-lsp/format-range/Dockerfile';
    const text = 'FROM alpine:3.20\nRUN a \\\nb\n  USER 1000\n  CMD ["sh"]\n';
    client.open(uri, text);
    const options = { tabSize: 4, insertSpaces: true };
    const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 11 } };
    const rangeEdits = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range, options });
    assert.equal(applyEdits(text, rangeEdits), 'FROM alpine:3.20\nRUN a \\\nb\nUSER 1000\n  CMD ["sh"]\n');
    const typed = await client.request<TextEdit[]>('textDocument/onTypeFormatting', { textDocument: { uri }, position: { line: 1, character: 7 }, ch: '\\', options });
    assert.equal(applyEdits(text, typed), 'FROM alpine:3.20\nRUN a \\\n    b\n  USER 1000\n  CMD ["sh"]\n');
  });

  it('offers quick fixes: the rules\' own and the language service\'s', async () => {
    const uri = 'file:///tmp/dockside-lsp/fix/Dockerfile';
    const text = 'FROM alpine:3.20\nCOPY --frm=a /a /a/\n';
    client.open(uri, text);
    const diagnostics = await client.diagnostics(uri);
    const flag = diagnostics.find(byCode('unknownCopyFlag'));
    assert.ok(flag, JSON.stringify(diagnostics));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: flag.range, context: { diagnostics: [flag] },
    });
    const convert = actions.find((action) => action.title === 'Convert to --from');
    assert.ok(convert, actions.map((a) => a.title).join());
    assert.equal(applyEdits(text, convert.edit!.changes![uri]), 'FROM alpine:3.20\nCOPY --from=a /a /a/\n');
  });

  it('provides symbols, folding, semantic tokens and links', async () => {
    const uri = 'file:///tmp/dockside-lsp/misc/Dockerfile';
    client.open(uri, 'FROM alpine:3.20 AS base\nRUN a \\\n  && b \\\n  && c\nFROM base\n');
    const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['FROM', 'RUN', 'FROM']);
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === 1 && f.endLine === 3), JSON.stringify(folds));
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
    const links = await client.request<{ range: { start: { line: number } }; target?: string; data?: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.equal(links.length, 1, JSON.stringify(links));
    assert.equal(links[0].range.start.line, 0);
  });
});

describe('language server in Chinese', () => {
  let client: LspTestClient;
  before(async () => {
    const bundle = JSON.parse(fs.readFileSync(`${__dirname}/../../../../l10n/bundle.l10n.zh-cn.json`, 'utf8')) as Record<string, string>;
    client = await LspTestClient.start({ initializationOptions: { l10nBundle: bundle, language: 'zh-cn' } });
  });
  after(() => client?.stop());

  it('documents instructions and reports problems in Chinese', async () => {
    const uri = 'file:///tmp/dockside-lsp/zh/Dockerfile';
    client.open(uri, 'FROM alpine:3.20\nfoo bar\nWORKDIR app\n');
    const diagnostics = await client.diagnostics(uri);
    assert.equal(diagnostics.find(byCode('unknownInstruction'))?.message, '未知指令：FOO');
    assert.match(String(diagnostics.find(byCode('DL3000'))?.message), /[\u4e00-\u9fff]/);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.match((hover.contents as MarkupContent).value, /以一个基础镜像开始新的构建阶段/);
  });

  it('documents instruction completions in Chinese', async () => {
    const uri = 'file:///tmp/dockside-lsp/zh-complete/Dockerfile';
    client.open(uri, 'FROM alpine:3.20\nWO');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
    const workdir = items.find((item) => item.label.startsWith('WORKDIR'));
    assert.ok(workdir, items.map((i) => i.label).join());
    const resolved = await client.request<CompletionItem>('completionItem/resolve', workdir);
    assert.match((resolved.documentation as MarkupContent).value, /为后续指令设置工作目录/);
  });
});
