// A compose file parsed once per text: YAML syntax problems, and the document as a tree of maps, sequences and
// scalars with their offsets, aliases and merge keys (`<<`) resolved the way compose resolves them, so every
// check can report on the exact key or value. Parsed with the `yaml` package (eemeli): it keeps offsets for
// every node and the comments (formatting needs both), reports duplicate keys like compose v2, and lets the
// compose tags `!reset` / `!override` through as tagged nodes. js-yaml (also in the tree) keeps neither.
import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';
import type { LintRange } from '../../shared/lintProtocol';
import type { ComposeParseCache } from './composeChunks';

export type Span = readonly [start: number, end: number];

interface NodeBase {
  readonly span: Span;
  /** `!reset` / `!override` when the file tags the value. */
  readonly tag?: string;
}

export interface ComposeScalar extends NodeBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  /** True for a key whose value is empty (`key:`): the span is the key's end. */
  readonly empty?: boolean;
}

export interface ComposePair {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: ComposeNode;
  /** True when the pair comes from a merge key (`<<: *anchor`): its spans are the anchor's. */
  readonly merged?: boolean;
}

export interface ComposeMap extends NodeBase {
  readonly kind: 'map';
  readonly pairs: readonly ComposePair[];
}

export interface ComposeSeq extends NodeBase {
  readonly kind: 'seq';
  readonly items: readonly ComposeNode[];
}

export type ComposeNode = ComposeScalar | ComposeMap | ComposeSeq;

export interface SyntaxProblem {
  readonly ruleId: 'yaml-syntax' | 'duplicate-key' | 'alias-limit';
  readonly message: string;
  readonly span: Span;
}

export interface ComposeDocument {
  readonly text: string;
  readonly yaml: Document;
  /** Undefined for an empty file or one whose top level is not a map. */
  readonly root?: ComposeNode;
  readonly syntaxProblems: readonly SyntaxProblem[];
  range(span: Span): LintRange;
  offsetAt(line: number, character: number): number;
}

/** Bound on nodes built while resolving aliases: a "billion laughs" file stops here instead of eating memory. */
const MAX_RESOLVED_NODES = 200_000;
export const COMPOSE_TAGS = new Set(['!reset', '!override']);
export const PARSE_OPTIONS = { merge: false, uniqueKeys: true, prettyErrors: false, strict: false } as const;

/**
 * Parses a compose file. With a cache (one per open document), a text that differs from the last one in a
 * few top-level keys or services re-parses only those (see composeChunks.ts): typing in a 1,000-line file
 * costs the YAML parse of one service, not of the file.
 */
export function parseCompose(text: string, cache?: ComposeParseCache): ComposeDocument {
  return cache?.parse(text) ?? parseWhole(text);
}

/** The whole text through the `yaml` parser: the reference every other way of parsing must equal. */
export function parseWhole(text: string): ComposeDocument {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, ...PARSE_OPTIONS });
  const syntaxProblems: SyntaxProblem[] = yaml.errors.map((e) => ({
    ruleId: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
    message: firstLine(e.message),
    span: visibleSpan(text, e.pos[0], e.pos[1]),
  }));
  for (const w of yaml.warnings) {
    if (isComposeTagWarning(w)) continue;
    syntaxProblems.push({ ruleId: 'yaml-syntax', message: firstLine(w.message), span: [w.pos[0], Math.max(w.pos[1], w.pos[0] + 1)] });
  }
  const builder = new TreeBuilder([{ doc: yaml, offset: 0 }]);
  const root = builder.buildRoot(() => (yaml.contents ? builder.build(yaml.contents as YamlNode, [0, 0], 0, 0) : undefined), syntaxProblems);
  return composeDocument(text, () => yaml, root, syntaxProblems, lineCounter.lineStarts);
}

/** `!reset` / `!override` are compose's own tags: the `yaml` package warns that it does not know them. */
export function isComposeTagWarning(w: { code: string; message: string }): boolean {
  return w.code === 'TAG_RESOLVE_FAILED' && [...COMPOSE_TAGS].some((tag) => w.message.includes(tag));
}

export function composeDocument(text: string, yaml: () => Document, root: ComposeNode | undefined, syntaxProblems: readonly SyntaxProblem[], lineStarts: readonly number[]): ComposeDocument {
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - lineStarts[low] };
  };
  let whole: Document | undefined;
  return {
    text,
    // Only formatting reads the `yaml` document; a document parsed in pieces parses it whole when asked.
    get yaml() {
      return (whole ??= yaml());
    },
    root,
    syntaxProblems,
    range: (span) => ({ start: position(span[0]), end: position(span[1]) }),
    offsetAt: (line, character) => Math.min(text.length, (lineStarts[line] ?? text.length) + character),
  };
}

/**
 * The parser puts some errors on the indentation before a key or at the very end of the file; the user
 * looks for them on the first character that is there: the key, or the last thing written.
 */
function visibleSpan(text: string, start: number, end: number): Span {
  const written = text.trimEnd().length;
  if (start >= written) return [Math.max(0, written - 1), Math.max(1, written)];
  let at = start;
  while (at < text.length && text[at] === ' ') at++;
  if (text[at] === '\n' || at >= text.length) at = start;
  return [at, Math.max(end, at + 1)];
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

class AliasLimit extends Error {
  constructor(readonly span: Span) {
    super('alias limit');
  }
}

/** A YAML document of the file, or of a piece of it that starts at `offset` in the file. */
export interface PlacedDocument {
  readonly doc: Document;
  readonly offset: number;
  /** Its anchors, when already known (a piece reused from the last parse). */
  readonly anchors?: readonly AnchorAt[];
}

/** An anchor, at its offset in its own document. */
export interface AnchorAt {
  readonly name: string;
  readonly node: YamlNode;
  readonly at: number;
}

/** A yaml pair placed in the file; `children`: the value is a map assembled from pairs parsed apart. */
export interface PlacedPair {
  readonly pair: unknown;
  readonly offset: number;
  readonly children?: { readonly pairs: readonly PlacedPair[]; readonly span: Span };
}

/** Anchors of a document in file order. */
export function anchorsOf(doc: Document): AnchorAt[] {
  const found: AnchorAt[] = [];
  visit(doc, (_key, node) => {
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) found.push({ name: anchor, node: node as YamlNode, at: spanOf(node, [0, 0], 0)[0] });
  });
  return found;
}

/** Builds the compose tree from yaml nodes, with spans in the file (a node's offset is its document's). */
export class TreeBuilder {
  private built = 0;
  /** Anchors by name, in file order: the `yaml` package's own alias lookup walks the whole document each time. */
  private readonly anchors = new Map<string, { node: YamlNode; at: number; offset: number }[]>();

  constructor(docs: readonly PlacedDocument[]) {
    for (const placed of docs) {
      for (const anchor of placed.anchors ?? anchorsOf(placed.doc)) {
        const list = this.anchors.get(anchor.name);
        const entry = { node: anchor.node, at: anchor.at + placed.offset, offset: placed.offset };
        if (list) list.push(entry);
        else this.anchors.set(anchor.name, [entry]);
      }
    }
  }

  /** Runs the build of the root; a file whose aliases expand too far gets a problem and no tree. */
  buildRoot(build: () => ComposeNode | undefined, syntaxProblems: SyntaxProblem[]): ComposeNode | undefined {
    try {
      return build();
    } catch (error) {
      if (!(error instanceof AliasLimit)) throw error;
      syntaxProblems.push({ ruleId: 'alias-limit', message: 'Aliases expand to more than 200000 nodes; the file is not checked further.', span: error.span });
      return undefined;
    }
  }

  /** The node an alias stands for: the last anchor of that name before it (YAML allows redefining one). */
  private resolveAlias(name: string, at: number): { node: YamlNode; offset: number } | undefined {
    const candidates = this.anchors.get(name) ?? [];
    let found: { node: YamlNode; offset: number } | undefined;
    for (const candidate of candidates) if (candidate.at < at) found = candidate;
    return found;
  }

  build(node: unknown, fallback: Span, depth: number, offset: number): ComposeNode {
    if (++this.built > MAX_RESOLVED_NODES || depth > 200) throw new AliasLimit(fallback);
    if (isAlias(node)) {
      const span = spanOf(node, fallback, offset);
      const target = this.resolveAlias(node.source, span[0]);
      // An alias to an unknown anchor is already a syntax error; keep the position of the alias.
      return target ? this.build(target.node, span, depth + 1, target.offset) : { kind: 'scalar', value: null, span };
    }
    const span = spanOf(node, fallback, offset);
    const tag = (node as { tag?: string } | null)?.tag;
    const composeTag = tag && COMPOSE_TAGS.has(tag) ? tag : undefined;
    if (isMap(node)) return { kind: 'map', pairs: this.pairs(node.items.map((pair) => ({ pair, offset })), depth), span, tag: composeTag };
    if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => this.build(item, span, depth + 1, offset)), span, tag: composeTag };
    if (isScalar(node)) {
      const v = node.value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === null || v === undefined ? null : String(v);
      return { kind: 'scalar', value, span, tag: composeTag };
    }
    return { kind: 'scalar', value: null, span, empty: true };
  }

  /** A map whose pairs were parsed apart (composeChunks.ts), built as `build` builds a map. */
  assembled(items: readonly PlacedPair[], span: Span, depth: number): ComposeMap {
    if (++this.built > MAX_RESOLVED_NODES || depth > 200) throw new AliasLimit(span);
    return { kind: 'map', pairs: this.pairs(items, depth), span, tag: undefined };
  }

  /** A map's pairs with merge keys expanded: merged pairs first, the map's own keys win over them. */
  pairs(items: readonly PlacedPair[], depth: number): ComposePair[] {
    const own: ComposePair[] = [];
    const merged: ComposePair[] = [];
    for (const { pair: item, offset, children } of items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as YamlNode | null;
      const keySpan = spanOf(keyNode, [0, 0], offset);
      const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      if (children) {
        own.push({ key, keySpan, value: this.assembled(children.pairs, children.span, depth + 1) });
        continue;
      }
      if (key === '<<' && isScalar(keyNode) && !(keyNode as { type?: string }).type?.startsWith('QUOTE')) {
        const sources = isSeq(item.value) ? item.value.items : [item.value];
        for (const source of sources) {
          const resolved = this.build(source, keySpan, depth + 1, offset);
          if (resolved.kind === 'map') merged.push(...resolved.pairs.map((p) => ({ ...p, merged: true })));
          else own.push({ key, keySpan, value: resolved });
        }
        continue;
      }
      const valueFallback: Span = [keySpan[1], keySpan[1]];
      const value = item.value === null || item.value === undefined
        ? ({ kind: 'scalar', value: null, span: valueFallback, empty: true } as const)
        : this.build(item.value, valueFallback, depth + 1, offset);
      own.push({ key, keySpan, value });
    }
    if (merged.length === 0) return own;
    const ownKeys = new Set(own.map((p) => p.key));
    const seen = new Set<string>();
    // Earlier merge sources win over later ones (YAML merge semantics).
    const fromMerge = merged.filter((p) => !ownKeys.has(p.key) && !seen.has(p.key) && seen.add(p.key));
    return [...fromMerge, ...own];
  }
}

export function spanOf(node: unknown, fallback: Span, offset: number): Span {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? [range[0] + offset, range[1] + offset] : fallback;
}

/** The pair under `key` in a map node, if any. */
export function pairOf(node: ComposeNode | undefined, key: string): ComposePair | undefined {
  return node?.kind === 'map' ? node.pairs.find((p) => p.key === key) : undefined;
}

/** The value under `key` in a map node, if any. */
export function valueOf(node: ComposeNode | undefined, key: string): ComposeNode | undefined {
  return pairOf(node, key)?.value;
}

/** A scalar's value as text (numbers and booleans as YAML wrote them), else undefined. */
export function textOf(node: ComposeNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** True when a value is written with variables compose substitutes before it checks anything. */
export function isInterpolated(node: ComposeNode | undefined): boolean {
  return node?.kind === 'scalar' && typeof node.value === 'string' && /\$(\{|[A-Za-z_])/.test(node.value);
}
