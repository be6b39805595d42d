// A compose file parsed in pieces (composeChunks.ts) must give exactly the tree and syntax problems of the
// whole-text parse: over every fixture, cut as finely as possible, over hand-written files that must fall back
// to the whole parse, and over thousands of edits typed one after another into one document's cache.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ComposeParseCache } from '../../../src/server/compose/composeChunks';
import { parseWhole, type ComposeDocument } from '../../../src/server/compose/composeDocument';
import { lintCompose } from '../../../src/server/compose/validateCompose';
import { thousandLineCompose } from '../../bench/compose';
import { specFixtures } from './specFixtures';

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const INSERTS = [':', ' ', '\n', '  ', '-', '[', ']', '{', '}', '"', "'", '&a', '*a', '<<: *a\n', '!reset ', '${X}', '#', '\t', 'x', '\r\n', '---\n', '  web:\n', 'services:\n'];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  switch (Math.floor(next() * 3)) {
    case 0: return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    default: return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
  }
}

function same(actual: ComposeDocument, text: string, what: string): void {
  const expected = parseWhole(text);
  assert.deepEqual(actual.root, expected.root, `${what}: tree\n---\n${text}`);
  assert.deepEqual(actual.syntaxProblems, expected.syntaxProblems, `${what}: syntax problems\n---\n${text}`);
  const last: readonly [number, number] = [Math.max(0, text.length - 1), text.length];
  assert.deepEqual(actual.range(last), expected.range(last), `${what}: positions`);
}

const fixtures = readdirSync(specFixtures).filter((f) => f.endsWith('.yaml')).map((f) => ({ name: f, text: readFileSync(path.join(specFixtures, f), 'utf8') }));

const ANCHORS_ACROSS_SERVICES = [
  'x-common: &common',
  '  restart: always',
  'services:',
  '  # the first service',
  '  a:',
  '    <<: *common',
  '    image: &img busybox',
  '  b:',
  '    image: *img',
  '    labels: &labels { x: "1" }',
  '',
  '  c:',
  '    <<: [*common]',
  '    labels: *labels',
  '# between blocks',
  'networks:',
  '  front: {}',
  '',
].join('\n');

describe('compose parsed in pieces', function () {
  this.timeout(120_000);

  it('equals the whole parse on every fixture, cut into one piece per entry', () => {
    let inPieces = 0;
    for (const { name, text } of fixtures) {
      const cache = new ComposeParseCache(1);
      same(cache.parse(text), text, name);
      if (!cache.lastParse.whole) inPieces++;
    }
    // Most fixtures are valid YAML; those with syntax problems go whole.
    assert.ok(inPieces > fixtures.length / 2, `${inPieces} of ${fixtures.length} in pieces`);
  });

  it('resolves anchors, aliases and merge keys across pieces, with CRLF line ends too', () => {
    for (const text of [ANCHORS_ACROSS_SERVICES, ANCHORS_ACROSS_SERVICES.replace(/\n/g, '\r\n')]) {
      const cache = new ComposeParseCache(1);
      same(cache.parse(text), text, 'anchors');
      assert.equal(cache.lastParse.whole, false);
      assert.equal(cache.lastParse.parsed, 5, 'x-common, services with a, b, c, networks');
    }
  });

  it('parses whole what pieces cannot stand for: duplicate keys across pieces, markers, broken pieces, tags', () => {
    const cases = {
      'a service twice': 'services:\n  a:\n    image: x\n  a:\n    image: y\n',
      'services twice': 'services:\n  a: {}\nservices:\n  b: {}\n',
      'a document marker': '---\nservices:\n  a: {}\n',
      'two documents': 'services:\n  a: {}\n---\nservices:\n  b: {}\n',
      'a directive': '%YAML 1.2\n---\nservices: {}\n',
      'an unclosed flow list': 'services:\n  a:\n    ports: [80,\n  b: {}\n',
      'an unclosed quote': 'services:\n  a:\n    command: "sh\n  b: {}\n',
      'a top-level sequence': '- a\n- b\n',
      'a tagged top level': '!reset\nservices: {}\n',
      'a lone CR': 'services:\r  a: {}\n',
      'a tab before an entry': 'services:\n\ta: {}\n  b: {}\n',
    };
    for (const [what, text] of Object.entries(cases)) {
      const cache = new ComposeParseCache(1);
      same(cache.parse(text), text, what);
      assert.equal(cache.lastParse.whole, true, `${what} is parsed whole`);
    }
  });

  it('re-parses only the service typed in, on the 1,000-line file', () => {
    const text = thousandLineCompose();
    const cache = new ComposeParseCache();
    same(cache.parse(text), text, 'first parse');
    assert.equal(cache.lastParse.whole, false);
    const middle = text.indexOf('      LOG_LEVEL: info', text.length / 2) + '      LOG_LEVEL: info'.length;
    const typed = `${text.slice(0, middle)}x${text.slice(middle)}`;
    same(cache.parse(typed), typed, 'after a keystroke');
    assert.deepEqual({ parsed: cache.lastParse.parsed, whole: cache.lastParse.whole }, { parsed: 1, whole: false });
    assert.ok(cache.lastParse.reused > 30, `${cache.lastParse.reused} pieces reused`);
  });

  it('keeps the pieces across a half-typed version parsed whole', () => {
    const text = thousandLineCompose();
    const cache = new ComposeParseCache();
    cache.parse(text);
    const middle = text.indexOf('      LOG_LEVEL: info', text.length / 3) + '      LOG_LEVEL: info'.length;
    const broken = `${text.slice(0, middle)}: nested${text.slice(middle)}`;
    same(cache.parse(broken), broken, 'a broken keystroke');
    assert.equal(cache.lastParse.whole, true);
    const fixed = `${text.slice(0, middle)} "closed"${text.slice(middle)}`;
    same(cache.parse(fixed), fixed, 'fixed');
    assert.deepEqual({ parsed: cache.lastParse.parsed, whole: cache.lastParse.whole }, { parsed: 1, whole: false });
  });

  it('equals the whole parse after each of 3,000 edits typed into one document', () => {
    const next = random(7);
    let compared = 0;
    let inPieces = 0;
    const bases = [ANCHORS_ACROSS_SERVICES, thousandLineCompose().split('\n').slice(0, 200).join('\n'), ...fixtures.filter((_, i) => i % 4 === 0).map((f) => f.text)];
    for (const base of bases) {
      const cache = new ComposeParseCache(1);
      let text = base;
      for (let i = 0; i < 150 && compared < 3000; i++) {
        // Keep the text close to a compose file: start again from the original now and then.
        text = next() < 0.1 ? base : edit(text, next);
        same(cache.parse(text), text, `edit ${i}`);
        compared++;
        if (!cache.lastParse.whole) inPieces++;
      }
    }
    assert.ok(compared >= 3000, `${compared} edits compared`);
    assert.ok(inPieces > compared / 4, `${inPieces} of ${compared} edits parsed in pieces`);
  });

  it('reports the same problems through lintCompose with and without a cache', () => {
    const cache = new ComposeParseCache(1);
    for (const { name, text } of fixtures) assert.deepEqual(lintCompose({ text, cache }), lintCompose({ text }), name);
  });
});
