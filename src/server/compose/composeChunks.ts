// A compose file parsed in pieces, so that typing re-parses only the piece being typed in: each top-level
// key's block is a piece, and a long block whose value is a map of keys (`services:`) is cut further, one
// piece per entry (one service). Pieces are parsed by the `yaml` package on their own, cached by their text
// for the next version of the same document, and assembled into the tree `parseWhole` would build, with the
// same spans, anchors and merge keys across pieces, and the same alias bound.
//
// Cutting at a line that starts a key at the block's indentation is safe in YAML's block style: nothing of the
// lines above can continue past such a line except an unclosed flow collection or quoted string, and the
// piece holding that one then fails to parse on its own. So: any piece with a YAML error or warning, a piece
// that is not exactly one key, a key given twice across pieces, a document marker or directive, a lone CR, and
// the whole file goes through `parseWhole`, which reports the syntax problems exactly as before.
// test/unit/compose/composeChunks.test.ts holds both ways equal over the fixtures and thousands of edits.
import { isMap, isScalar, parseDocument, type Document, type YAMLMap, type Pair } from 'yaml';
import {
  PARSE_OPTIONS, TreeBuilder, anchorsOf, composeDocument, isComposeTagWarning, parseWhole, spanOf,
  type AnchorAt, type ComposeDocument, type PlacedDocument, type PlacedPair, type SyntaxProblem,
} from './composeDocument';

/** Pieces kept across versions parsed whole, at most. */
const MAX_KEPT_PIECES = 2000;
/** Blocks shorter than this stay one piece: cutting them saves less than the bookkeeping costs. */
const SPLIT_MIN_LINES = 30;
/** A key that may start a piece: plain (no colon, quote or comment mark inside) or quoted on one line. */
const KEY_AT = /(?:[A-Za-z0-9_$<][^\s:#'"]*|"[^"\\\r\n]*"|'[^'\r\n]*')[ \t]*:(?=[ \t]|\r?\n|\r?$)/y;
/** A header whose value is the block below it: `services:` with at most a comment after it. */
const OPENS_BLOCK = /^(?:[A-Za-z0-9_$][^\s:#'"]*|"[^"\\\r\n]*"|'[^'\r\n]*')[ \t]*:[ \t]*(?:#.*)?\r?$/;

interface Piece {
  readonly start: number;
  readonly end: number;
}

interface Block extends Piece {
  /** Entries of the block's map when it is cut: the first piece holds the header line too. */
  readonly entries?: readonly Piece[];
}

interface CachedPiece {
  readonly doc: Document;
  readonly anchors: readonly AnchorAt[];
}

function parsedPiece(text: string): CachedPiece {
  const doc = parseDocument(text, PARSE_OPTIONS);
  return { doc, anchors: anchorsOf(doc) };
}

/** One document per open compose file: the pieces of its last parse, reused by the next. */
export class ComposeParseCache {
  private pieces = new Map<string, CachedPiece>();
  private last?: ComposeDocument;
  /** How the last parse went, for tests and the benchmark: pieces parsed anew, reused, or the whole text. */
  lastParse: { parsed: number; reused: number; whole: boolean } = { parsed: 0, reused: 0, whole: false };

  constructor(private readonly splitMinLines = SPLIT_MIN_LINES) {}

  parse(text: string): ComposeDocument {
    if (this.last?.text === text) return this.last;
    const used = new Map<string, CachedPiece>();
    const stats = { parsed: 0, reused: 0, whole: false };
    const pieces = parseInPieces(text, (pieceText, offset) => {
      let known = used.get(pieceText) ?? this.pieces.get(pieceText);
      if (known) stats.reused++;
      else {
        known = parsedPiece(pieceText);
        stats.parsed++;
      }
      used.set(pieceText, known);
      // The same text may sit at another offset now: the offset goes beside the cached document.
      return { ...known, offset };
    }, this.splitMinLines);
    stats.whole = !pieces;
    const doc = pieces ?? parseWhole(text);
    // A text parsed whole (half-typed YAML, say) keeps the earlier pieces too, so the next valid version
    // re-parses only what changed since; bounded, as a long stretch of broken edits adds a piece each.
    this.pieces = pieces || this.pieces.size + used.size > MAX_KEPT_PIECES ? used : new Map([...this.pieces, ...used]);
    this.lastParse = stats;
    this.last = doc;
    return doc;
  }
}

/** The file assembled from its pieces, or undefined when it must be parsed whole. */
export function parseInPieces(text: string, parsePiece: (text: string, offset: number) => PlacedDocument, splitMinLines = SPLIT_MIN_LINES): ComposeDocument | undefined {
  const lineStarts = linesOf(text);
  if (!lineStarts) return undefined;
  const blocks = cut(text, lineStarts, splitMinLines);
  if (!blocks || blocks.length === 0) return undefined;
  const placed: PlacedDocument[] = [];
  const place = (piece: Piece): YAMLMap | undefined => {
    const p = parsePiece(text.slice(piece.start, piece.end), piece.start);
    placed.push(p);
    return onePairMap(p.doc);
  };
  const items: PlacedPair[] = [];
  const topKeys = new Set<string>();
  let rootSpan: [number, number] | undefined;
  for (const block of blocks) {
    const pieces = block.entries ?? [block];
    const first = place(pieces[0]);
    if (!first) return undefined;
    const pair = first.items[0];
    if (!addKey(topKeys, pair)) return undefined;
    const firstOffset = pieces[0].start;
    rootSpan ??= [spanOf(first, [0, 0], firstOffset)[0], 0];
    let end = spanOf(first, [0, 0], firstOffset)[1];
    if (!block.entries) {
      items.push({ pair, offset: firstOffset });
      rootSpan[1] = end;
      continue;
    }
    // The first piece is `services:` with its first entry: the entry map must be all of the value.
    const inner = isMap(pair.value) ? (pair.value as YAMLMap) : undefined;
    if (!inner || inner.items.length !== 1 || inner.tag || inner.anchor) return undefined;
    const entryKeys = new Set<string>();
    const children: PlacedPair[] = [{ pair: inner.items[0], offset: firstOffset }];
    if (!addKey(entryKeys, inner.items[0] as Pair)) return undefined;
    for (const piece of pieces.slice(1)) {
      const map = place(piece);
      if (!map || !addKey(entryKeys, map.items[0])) return undefined;
      children.push({ pair: map.items[0], offset: piece.start });
      end = spanOf(map, [0, 0], piece.start)[1];
    }
    items.push({ pair, offset: firstOffset, children: { pairs: children, span: [spanOf(inner, [0, 0], firstOffset)[0], end] } });
    rootSpan[1] = end;
  }
  const syntaxProblems: SyntaxProblem[] = [];
  const builder = new TreeBuilder(placed);
  const root = builder.buildRoot(() => builder.assembled(items, rootSpan!, 0), syntaxProblems);
  return composeDocument(text, () => parseDocument(text, PARSE_OPTIONS), root, syntaxProblems, lineStarts);
}

/** The map of a piece that parsed cleanly and holds exactly one key, else undefined. */
function onePairMap(doc: Document): YAMLMap<unknown, unknown> | undefined {
  if (doc.errors.length > 0 || doc.warnings.some((w) => !isComposeTagWarning(w))) return undefined;
  const contents = doc.contents;
  if (!isMap(contents) || contents.items.length !== 1 || contents.tag || contents.anchor) return undefined;
  return isScalar(contents.items[0].key) ? contents : undefined;
}

/** Records a key of a map assembled from pieces; false when it is there already (parseWhole reports that). */
function addKey(keys: Set<string>, pair: Pair): boolean {
  const key = pair.key;
  if (!isScalar(key)) return false;
  const id = `${typeof key.value}:${String(key.value)}`;
  if (keys.has(id)) return false;
  keys.add(id);
  return true;
}

/** Line starts as the `yaml` package counts them; undefined for a lone CR, which it may count differently. */
function linesOf(text: string): number[] | undefined {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return /\r(?!\n)/.test(text) ? undefined : starts;
}

/** The top-level blocks, long `key:` blocks cut into entries; undefined for a file with document markers or directives. */
function cut(text: string, lineStarts: readonly number[], splitMinLines: number): Block[] | undefined {
  const lineEnd = (i: number) => (i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length);
  const keyAt = (i: number, column: number) => {
    KEY_AT.lastIndex = lineStarts[i] + column;
    return KEY_AT.test(text);
  };
  const starts: number[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const at = lineStarts[i];
    const c = text[at];
    if (c === '%' || ((c === '-' || c === '.') && /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(at, at + 4)))) return undefined;
    if (c !== undefined && c !== ' ' && c !== '\t' && c !== '#' && c !== '\n' && c !== '\r' && keyAt(i, 0)) starts.push(i);
  }
  if (starts.length === 0) return [];
  starts[0] = 0; // comments and blank lines before the first key belong to it
  const blocks: Block[] = [];
  for (let b = 0; b < starts.length; b++) {
    const from = starts[b];
    const to = b + 1 < starts.length ? starts[b + 1] : lineStarts.length;
    const block = { start: lineStarts[from], end: lineEnd(to - 1) };
    blocks.push({ ...block, entries: to - from >= splitMinLines ? entriesOf(text, lineStarts, from, to, keyAt) : undefined });
  }
  return blocks;
}

/** The entries of a block `key:` followed by a map (one piece each), or undefined when it is not cut. */
function entriesOf(text: string, lineStarts: readonly number[], from: number, to: number, keyAt: (line: number, column: number) => boolean): Piece[] | undefined {
  const lineText = (i: number) => text.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length);
  let header = from;
  while (header < to && !keyAt(header, 0)) header++;
  if (header >= to || !OPENS_BLOCK.test(lineText(header))) return undefined;
  let indent = 0;
  const entryLines: number[] = [];
  for (let i = header + 1; i < to; i++) {
    const line = lineText(i);
    const column = line.length - line.trimStart().length;
    if (line.trim() === '' || line[column] === '#') continue;
    if (indent === 0) {
      if (column === 0 || line[0] === '\t' || !keyAt(i, column)) return undefined;
      indent = column;
    }
    if (column === indent && keyAt(i, column)) entryLines.push(i);
  }
  if (entryLines.length < 2) return undefined;
  const end = to < lineStarts.length ? lineStarts[to] : text.length;
  return entryLines.map((line, k) => ({
    start: k === 0 ? lineStarts[from] : lineStarts[line],
    end: k + 1 < entryLines.length ? lineStarts[entryLines[k + 1]] : end,
  }));
}
