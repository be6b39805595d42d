// A compose file parsed once per text: YAML syntax problems, and the document as a tree of maps, sequences and
// scalars with their offsets, aliases and merge keys (`<<`) resolved the way compose resolves them, so every
// check can report on the exact key or value. Parsed with the `yaml` package (eemeli): it keeps offsets for
// every node and the comments (formatting needs both), reports duplicate keys like compose v2, and lets the
// compose tags `!reset` / `!override` through as tagged nodes. js-yaml (also in the tree) keeps neither.
import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';
import type { LintRange } from '../../shared/lintProtocol';

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
const COMPOSE_TAGS = new Set(['!reset', '!override']);

export function parseCompose(text: string): ComposeDocument {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, merge: false, uniqueKeys: true, prettyErrors: false, strict: false });
  const syntaxProblems: SyntaxProblem[] = yaml.errors.map((e) => ({
    ruleId: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
    message: firstLine(e.message),
    span: visibleSpan(text, e.pos[0], e.pos[1]),
  }));
  for (const w of yaml.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED' && [...COMPOSE_TAGS].some((tag) => w.message.includes(tag))) continue;
    syntaxProblems.push({ ruleId: 'yaml-syntax', message: firstLine(w.message), span: [w.pos[0], Math.max(w.pos[1], w.pos[0] + 1)] });
  }
  const builder = new TreeBuilder(yaml);
  let root: ComposeNode | undefined;
  try {
    root = yaml.contents ? builder.build(yaml.contents as YamlNode, [0, 0]) : undefined;
  } catch (error) {
    if (!(error instanceof AliasLimit)) throw error;
    syntaxProblems.push({ ruleId: 'alias-limit', message: 'Aliases expand to more than 200000 nodes; the file is not checked further.', span: error.span });
    root = undefined;
  }
  const lineStarts = lineCounter.lineStarts;
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
  return {
    text,
    yaml,
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

class TreeBuilder {
  private built = 0;
  /** Anchors by name, in file order: the `yaml` package's own alias lookup walks the whole document each time. */
  private readonly anchors = new Map<string, { node: YamlNode; at: number }[]>();

  constructor(doc: Document) {
    visit(doc, (_key, node) => {
      const anchor = (node as { anchor?: string } | null)?.anchor;
      if (anchor) this.anchors.set(anchor, [...(this.anchors.get(anchor) ?? []), { node: node as YamlNode, at: spanOf(node, [0, 0])[0] }]);
    });
  }

  /** The node an alias stands for: the last anchor of that name before it (YAML allows redefining one). */
  private resolveAlias(name: string, at: number): YamlNode | undefined {
    const candidates = this.anchors.get(name) ?? [];
    let found: YamlNode | undefined;
    for (const candidate of candidates) if (candidate.at < at) found = candidate.node;
    return found;
  }

  build(node: unknown, fallback: Span, depth = 0): ComposeNode {
    if (++this.built > MAX_RESOLVED_NODES || depth > 200) throw new AliasLimit(fallback);
    if (isAlias(node)) {
      const span = spanOf(node, fallback);
      const target = this.resolveAlias(node.source, span[0]);
      // An alias to an unknown anchor is already a syntax error; keep the position of the alias.
      return target ? this.build(target, span, depth + 1) : { kind: 'scalar', value: null, span };
    }
    const span = spanOf(node, fallback);
    const tag = (node as { tag?: string } | null)?.tag;
    const composeTag = tag && COMPOSE_TAGS.has(tag) ? tag : undefined;
    if (isMap(node)) return { kind: 'map', pairs: this.pairs(node.items, depth), span, tag: composeTag };
    if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => this.build(item, span, depth + 1)), span, tag: composeTag };
    if (isScalar(node)) {
      const v = node.value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === null || v === undefined ? null : String(v);
      return { kind: 'scalar', value, span, tag: composeTag };
    }
    return { kind: 'scalar', value: null, span, empty: true };
  }

  /** A map's pairs with merge keys expanded: merged pairs first, the map's own keys win over them. */
  private pairs(items: readonly unknown[], depth: number): ComposePair[] {
    const own: ComposePair[] = [];
    const merged: ComposePair[] = [];
    for (const item of items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as YamlNode | null;
      const keySpan = spanOf(keyNode, [0, 0]);
      const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      if (key === '<<' && isScalar(keyNode) && !(keyNode as { type?: string }).type?.startsWith('QUOTE')) {
        const sources = isSeq(item.value) ? item.value.items : [item.value];
        for (const source of sources) {
          const resolved = this.build(source, keySpan, depth + 1);
          if (resolved.kind === 'map') merged.push(...resolved.pairs.map((p) => ({ ...p, merged: true })));
          else own.push({ key, keySpan, value: resolved });
        }
        continue;
      }
      const valueFallback: Span = [keySpan[1], keySpan[1]];
      const value = item.value === null || item.value === undefined
        ? ({ kind: 'scalar', value: null, span: valueFallback, empty: true } as const)
        : this.build(item.value, valueFallback, depth + 1);
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

function spanOf(node: unknown, fallback: Span): Span {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? [range[0], range[1]] : fallback;
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
