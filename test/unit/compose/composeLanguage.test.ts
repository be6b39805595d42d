// Completion, hover (English and Chinese), definition, references, rename, outline and formatting of the
// compose language service, on strings; then the server process itself over JSON-RPC.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import { completeCompose } from '../../../src/server/compose/composeCompletion';
import { parseCompose } from '../../../src/server/compose/composeDocument';
import { diskFiles } from '../../../src/server/compose/composeFiles';
import { documentedKeys } from '../../../src/server/compose/composeModel';
import { definitionOf, hoverCompose, referencesOf, renameAt } from '../../../src/server/compose/composeNavigation';
import { composeSymbols, formatCompose } from '../../../src/server/compose/composeOutline';
import { applyEdits, LspTestClient, repoRoot } from '../server/lspTestClient';
import { specFixtures } from './specFixtures';

/** Text with `|` marking the cursor → [text, offset]. */
function at(marked: string): [string, number] {
  return [marked.replace('|', ''), marked.indexOf('|')];
}

async function labels(marked: string, sources = {}): Promise<string[]> {
  const [text, offset] = at(marked);
  return (await completeCompose(text, offset, sources)).map((i) => i.label);
}

const PROJECT = `services:
  web:
    image: dockside-test/busybox:latest
    depends_on: [db]
    networks: [front]
    links:
      - "db:database"
    volumes:
      - data:/var/lib/data
  db:
    image: dockside-test/busybox:latest
    network_mode: "service:web"
networks:
  front: {}
volumes:
  data: {}
`;

describe('compose completion', () => {
  it('offers the service keys the spec allows, with their descriptions', async () => {
    const [text, offset] = at('services:\n  web:\n    ima|');
    const items = await completeCompose(text, offset);
    const image = items.find((i) => i.label === 'image');
    assert.ok(image, 'image offered');
    assert.match(String((image!.documentation as { value: string }).value), /image to start the container from/i);
    assert.ok(items.some((i) => i.label === 'depends_on') && items.some((i) => i.label === 'healthcheck'));
    assert.ok(!items.some((i) => i.label === 'services'), 'no top-level keys inside a service');
  });
  it('offers top-level keys at the top', async () => {
    assert.deepEqual((await labels('|')).slice(0, 9).sort(), ['configs', 'include', 'models', 'name', 'networks', 'secrets', 'services', 'version', 'volumes']);
  });
  it('offers keys of list items (ports long syntax)', async () => {
    assert.ok((await labels('services:\n  web:\n    ports:\n      - target: 80\n        pu|')).includes('published'));
  });
  it('offers the other services in depends_on, block and flow', async () => {
    const text = 'services:\n  web:\n    depends_on:\n      - |\n  db:\n    image: x\n  cache:\n    image: y\n';
    assert.deepEqual((await labels(text)).filter((l) => ['db', 'cache', 'web'].includes(l)).sort(), ['cache', 'db']);
    assert.ok((await labels('services:\n  web:\n    depends_on: [db, |]\n  db:\n    image: x\n')).includes('db'));
  });
  it('offers defined networks, volumes and secrets', async () => {
    const base = 'networks:\n  front: {}\nvolumes:\n  data: {}\nsecrets:\n  token:\n    file: ./t\n';
    assert.ok((await labels(`${base}services:\n  web:\n    networks:\n      - |\n`)).includes('front'));
    assert.ok((await labels(`${base}services:\n  web:\n    volumes:\n      - type: volume\n        source: |\n`)).includes('data'));
    assert.ok((await labels(`${base}services:\n  web:\n    secrets:\n      - |\n`)).includes('token'));
  });
  it('offers enum values, restart policies and signals', async () => {
    assert.ok((await labels('services:\n  web:\n    depends_on:\n      db:\n        condition: |\n')).includes('service_healthy'));
    assert.deepEqual((await labels('services:\n  web:\n    restart: |\n')).filter((l) => l !== 'true' && l !== 'false'), ['no', 'always', 'on-failure', 'unless-stopped']);
    assert.ok((await labels('services:\n  web:\n    stop_signal: |\n')).includes('SIGTERM'));
    assert.ok((await labels('services:\n  web:\n    cap_add:\n      - |\n')).includes('NET_ADMIN'));
  });
  it('offers local images for image:, and the Dockerfile stages for build.target', async () => {
    assert.deepEqual(await labels('services:\n  web:\n    image: |\n', { imageNames: async () => ['dockside-test/busybox:latest'] }), ['dockside-test/busybox:latest']);
    const file = path.join(specFixtures, 'valid-build-dockerfile.yaml');
    const items = await labels('services:\n  app:\n    build:\n      context: ./app\n      target: |\n', { files: diskFiles(file) });
    assert.deepEqual(items, ['build', 'runtime']);
  });
});

describe('compose hover', () => {
  afterEach(() => l10n.config({ contents: {} }));
  it('explains a key in English and in Chinese', () => {
    const [text, offset] = at('services:\n  web:\n    rest|art: always\n');
    const doc = parseCompose(text);
    assert.match((hoverCompose(doc, offset)!.contents as { value: string }).value, /restart/i);
    assert.match((hoverCompose(doc, offset, 'zh-cn')!.contents as { value: string }).value, /重启策略/);
  });
  it('explains nested keys (build.target) and says nothing off keys', () => {
    const [text, offset] = at('services:\n  web:\n    build:\n      tar|get: prod\n');
    assert.match((hoverCompose(parseCompose(text), offset, 'zh-cn')!.contents as { value: string }).value, /多阶段/);
    const [plain, inValue] = at('services:\n  web:\n    image: busy|box\n');
    assert.equal(hoverCompose(parseCompose(plain), inValue), undefined);
  });
  it('every documented key of the model has an English and a Chinese description', () => {
    const missing = documentedKeys().filter((k) => !k.zh);
    assert.deepEqual(missing.map((k) => k.doc), []);
    assert.ok(documentedKeys().length > 300);
  });
});

describe('compose navigation', () => {
  const doc = parseCompose(PROJECT);
  const offsetOf = (needle: string, skip = 0) => PROJECT.indexOf(needle) + skip;
  it('goes from depends_on, links and network_mode to the service', () => {
    const dbDefinition = PROJECT.indexOf('  db:') + 2;
    assert.deepEqual(definitionOf(doc, offsetOf('[db]', 1)), [dbDefinition, dbDefinition + 2]);
    assert.deepEqual(definitionOf(doc, offsetOf('"db:database"', 1)), [dbDefinition, dbDefinition + 2]);
    const webDefinition = PROJECT.indexOf('web:');
    assert.deepEqual(definitionOf(doc, offsetOf('service:web', 9)), [webDefinition, webDefinition + 3]);
  });
  it('goes from a network and a named volume to their definitions', () => {
    const front = PROJECT.indexOf('  front:') + 2;
    assert.deepEqual(definitionOf(doc, offsetOf('[front]', 2)), [front, front + 5]);
    const data = PROJECT.indexOf('  data:') + 2;
    assert.deepEqual(definitionOf(doc, offsetOf('- data:', 3)), [data, data + 4]);
  });
  it('goes from build: to the Dockerfile', () => {
    const file = path.join(specFixtures, 'valid-build-dockerfile.yaml');
    const text = 'services:\n  app:\n    build:\n      context: ./app\n';
    assert.deepEqual(definitionOf(parseCompose(text), text.indexOf('./app'), diskFiles(file)), { path: path.join(specFixtures, 'app', 'Dockerfile') });
  });
  it('finds every reference of a service, definition first', () => {
    const spans = referencesOf(doc, PROJECT.indexOf('  db:') + 3).map((s) => PROJECT.slice(s[0], s[1]));
    assert.deepEqual(spans, ['db', 'db', 'db']);
  });
  it('renames a service everywhere, a volume inside its mount string, and refuses clashes', () => {
    const renamed = renameAt(doc, PROJECT.indexOf('  db:') + 3, 'database');
    assert.ok(renamed.ok);
    const edited = applySpans(PROJECT, renamed.ok ? renamed.edits : []);
    assert.match(edited, /depends_on: \[database\]/);
    assert.match(edited, /"database:database"/);
    assert.match(edited, /\n {2}database:\n/);
    const volume = renameAt(doc, PROJECT.indexOf('data:/var') + 1, 'store');
    assert.ok(volume.ok);
    assert.match(applySpans(PROJECT, volume.ok ? volume.edits : []), /- store:\/var\/lib\/data[\s\S]*\n {2}store: \{\}/);
    const clash = renameAt(doc, PROJECT.indexOf('  db:') + 3, 'web');
    assert.equal(clash.ok, false);
    assert.equal(renameAt(doc, PROJECT.indexOf('  db:') + 3, 'has space').ok, false);
  });
});

function applySpans(text: string, edits: { span: readonly [number, number]; newText: string }[]): string {
  return [...edits].sort((a, b) => b.span[0] - a.span[0]).reduce((t, e) => t.slice(0, e.span[0]) + e.newText + t.slice(e.span[1]), text);
}

describe('compose outline and formatting', () => {
  it('lists sections, their entries and a service\'s keys', () => {
    const symbols = composeSymbols(parseCompose(PROJECT));
    assert.deepEqual(symbols.map((s) => s.name), ['services', 'networks', 'volumes']);
    assert.deepEqual(symbols[0].children!.map((s) => s.name), ['web', 'db']);
    assert.deepEqual(symbols[0].children![1].children!.map((s) => s.name), ['image', 'network_mode']);
  });
  it('formats indentation and keeps comments, anchors and quotes', () => {
    const text = '# the shop\nx-base: &base\n    restart: always   # keep\nservices:\n    web:\n        <<: *base\n        image: "dockside-test/busybox:latest"\n        ports:\n        - "18080:80"\n';
    const formatted = formatCompose(parseCompose(text), { tabSize: 2 })!;
    assert.equal(formatted, '# the shop\nx-base: &base\n  restart: always # keep\nservices:\n  web:\n    <<: *base\n    image: "dockside-test/busybox:latest"\n    ports:\n      - "18080:80"\n');
    assert.equal(formatCompose(parseCompose(formatted), { tabSize: 2 }), undefined, 'formatting is stable');
    assert.equal(formatCompose(parseCompose('services:\n  web:\n   image: [\n'), { tabSize: 2 }), undefined, 'broken files stay as they are');
  });
});

describe('compose language server (process)', function () {
  this.timeout(20_000);
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ bundle: path.join(repoRoot, 'dist', 'composeServer.js'), languageId: 'dockercompose', imageNames: () => ['dockside-test/busybox:latest'] });
  });
  after(() => client.stop());

  it('publishes spec problems on the exact key, and clears them when fixed', async () => {
    const uri = pathToFileURL(path.join(specFixtures, 'unknown-service-key.yaml')).href;
    const text = 'services:\n  web:\n    image: x\n    imagee: y\n';
    client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [['unknown-key', 3, 4, 10]]);
    client.replace(uri, 'services:\n  web:\n    image: x\n');
    assert.deepEqual(await client.nextDiagnostics(uri), []);
  });
  it('completes, renames and formats over LSP', async () => {
    const uri = pathToFileURL(path.join(specFixtures, 'lsp-case.yaml')).href;
    const text = 'services:\n  web:\n    image: \n    depends_on: [db]\n  db:\n      image: x\n';
    client.open(uri, text);
    const completion = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 11 } });
    assert.ok(completion.some((c) => c.label === 'dockside-test/busybox:latest'));
    const rename = await client.request<{ changes: Record<string, { range: never; newText: string }[]> }>('textDocument/rename', { textDocument: { uri }, position: { line: 4, character: 3 }, newName: 'store' });
    assert.equal(applyEdits(text, rename.changes[uri]), 'services:\n  web:\n    image: \n    depends_on: [store]\n  store:\n      image: x\n');
    const edits = await client.request<{ range: never; newText: string }[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(applyEdits(text, edits), 'services:\n  web:\n    image:\n    depends_on: [db]\n  db:\n    image: x\n');
  });
});
