// Validation of a parsed compose file against the project's model of the compose specification, reporting on
// the exact key or value. Written for the project rather than running a JSON-schema engine (ajv) over a plain
// object: those report JSON pointers into the data (positions lost with aliases and merge keys), and for the
// spec's many `oneOf`s they report every failed branch instead of the one the user meant. Here a `oneOf`
// picks the branch whose type matches the value, and values compose interpolates (`${PORT}`) pass type checks.
import * as l10n from '@vscode/l10n';
import { alternatives, patternOf, resolveRef, type SpecNode } from './composeModel';
import { isInterpolated, type ComposeMap, type ComposeNode, type ComposePair, type Span } from './composeDocument';
import type { ComposeFinding } from './composeFinding';
import { levenshtein } from '../editDistance';

type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

function typesOf(node: ComposeNode): JsonType[] {
  if (node.kind === 'map') return ['object'];
  if (node.kind === 'seq') return ['array'];
  if (isInterpolated(node)) return ['string', 'number', 'integer', 'boolean'];
  const v = node.value;
  if (v === null) return ['null'];
  if (typeof v === 'boolean') return ['boolean'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
  return ['string'];
}

function accepts(schema: SpecNode, node: ComposeNode): boolean {
  if (!schema.type) return true;
  const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
  return typesOf(node).some((t) => allowed.includes(t));
}

function typeName(type: string): string {
  switch (type) {
    case 'object': return l10n.t('a mapping');
    case 'array': return l10n.t('a list');
    case 'string': return l10n.t('a string');
    case 'number': return l10n.t('a number');
    case 'integer': return l10n.t('an integer');
    case 'boolean': return l10n.t('a boolean');
    case 'null': return l10n.t('empty');
    default: return type;
  }
}

function expectedTypes(branches: SpecNode[]): string {
  const names = [...new Set(branches.flatMap((b) => (b.type ? (Array.isArray(b.type) ? b.type : [b.type]) : [])))];
  return names.map(typeName).join(l10n.t(' or '));
}

function actualType(node: ComposeNode): string {
  return typeName(node.kind === 'scalar' && !isInterpolated(node) ? typesOf(node)[0] : node.kind === 'map' ? 'object' : node.kind === 'seq' ? 'array' : 'string');
}

/** The branches a value is checked against, and each map branch's pattern keys: worked out once per schema node. */
const branchesCache = new WeakMap<SpecNode, SpecNode[]>();
const patternKeysCache = new WeakMap<SpecNode, [RegExp, SpecNode][]>();

function branchesOf(schema: SpecNode): SpecNode[] {
  let branches = branchesCache.get(schema);
  if (!branches) branchesCache.set(schema, (branches = alternatives(schema).filter((b) => !b.allOf)));
  return branches;
}

function patternKeysOf(schema: SpecNode): [RegExp, SpecNode][] {
  let keys = patternKeysCache.get(schema);
  if (!keys) patternKeysCache.set(schema, (keys = Object.entries(schema.patternProperties ?? {}).map(([pattern, child]) => [patternOf(pattern), child])));
  return keys;
}

/** Checks a node against its schema; `owner` is the key naming the value (where "missing key" lands). */
export function checkAgainstSpec(node: ComposeNode, schema: SpecNode, owner: Span, out: ComposeFinding[]): void {
  if (node.tag === '!reset') return;
  const branches = branchesOf(schema);
  const fitting = branches.filter((b) => accepts(b, node));
  if (fitting.length === 0) {
    out.push({ ruleId: 'wrong-type', severity: 'error', span: node.span, message: l10n.t('Expected {0}, found {1}.', expectedTypes(branches), actualType(node)) });
    return;
  }
  if (fitting.length === 1) return checkBranch(node, fitting[0], owner, out);
  // Several branches take this type: keep the one that fits best (fewest problems), like the user meant it.
  let best: ComposeFinding[] | undefined;
  for (const branch of fitting) {
    const found: ComposeFinding[] = [];
    checkBranch(node, branch, owner, found);
    if (!best || found.length < best.length) best = found;
    if (found.length === 0) break;
  }
  out.push(...best!);
}

function checkBranch(node: ComposeNode, schema: SpecNode, owner: Span, out: ComposeFinding[]): void {
  if (node.kind === 'map') return checkMap(node, schema, owner, out);
  if (node.kind === 'seq') {
    const items = schema.items;
    if (items) for (const item of node.items) checkAgainstSpec(item, items, item.span, out);
    if (schema.uniqueItems) reportDuplicateItems(node.items, out);
    return;
  }
  if (isInterpolated(node) || node.value === null) return;
  if (schema.enum && !schema.enum.some((allowed) => String(allowed) === String(node.value))) {
    out.push({ ruleId: 'not-in-enum', severity: 'error', span: node.span, message: l10n.t('"{0}" is not allowed here; expected one of: {1}.', String(node.value), schema.enum.join(', ')) });
  }
  if (typeof node.value === 'number') {
    if (schema.minimum !== undefined && node.value < schema.minimum) out.push({ ruleId: 'out-of-range', severity: 'error', span: node.span, message: l10n.t('{0} is below the minimum {1}.', node.value, schema.minimum) });
    if (schema.maximum !== undefined && node.value > schema.maximum) out.push({ ruleId: 'out-of-range', severity: 'error', span: node.span, message: l10n.t('{0} is above the maximum {1}.', node.value, schema.maximum) });
  }
  if (schema.pattern && typeof node.value === 'string' && !patternOf(schema.pattern).test(node.value)) {
    out.push({ ruleId: 'bad-format', severity: 'error', span: node.span, message: l10n.t('"{0}" does not have the expected form ({1}).', node.value, schema.pattern) });
  }
}

function checkMap(node: ComposeMap, schema: SpecNode, owner: Span, out: ComposeFinding[]): void {
  for (const pair of node.pairs) {
    const child = childOf(schema, pair);
    if (child === false) {
      out.push({ ruleId: 'unknown-key', severity: 'error', span: pair.keySpan, message: unknownKeyMessage(pair.key, Object.keys(schema.properties ?? {})) });
      continue;
    }
    if (child === undefined) continue;
    const resolved = resolveRef(child);
    if (resolved.deprecated && !pair.merged) {
      out.push({ ruleId: 'deprecated-key', severity: 'warning', span: pair.keySpan, message: l10n.t('"{0}" is obsolete: {1}', pair.key, resolved.description ?? '') });
    }
    checkAgainstSpec(pair.value, child, pair.keySpan, out);
  }
  for (const required of schema.required ?? []) {
    if (!node.pairs.some((p) => p.key === required)) {
      out.push({ ruleId: 'missing-key', severity: 'error', span: owner, message: l10n.t('The key "{0}" is required here.', required) });
    }
  }
}

/** The child's schema; false when the key is not allowed; undefined when anything goes. */
function childOf(schema: SpecNode, pair: ComposePair): SpecNode | false | undefined {
  const direct = schema.properties?.[pair.key];
  if (direct) return direct;
  for (const [pattern, child] of patternKeysOf(schema)) {
    if (pattern.test(pair.key)) return Object.keys(child).length === 0 ? undefined : child;
  }
  if (schema.additionalProperties === false) return false;
  if (typeof schema.additionalProperties === 'object') return schema.additionalProperties;
  return schema.properties || schema.patternProperties ? false : undefined;
}

function reportDuplicateItems(items: readonly ComposeNode[], out: ComposeFinding[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const key = `${typeof item.value}:${item.value}`;
    if (seen.has(key)) out.push({ ruleId: 'duplicate-item', severity: 'error', span: item.span, message: l10n.t('"{0}" is listed twice.', String(item.value)) });
    seen.add(key);
  }
}

function unknownKeyMessage(key: string, known: string[]): string {
  const close = closest(key, known);
  return close
    ? l10n.t('"{0}" is not allowed here; did you mean "{1}"?', key, close)
    : l10n.t('"{0}" is not allowed here.', key);
}

/** The known key nearest to a misspelt one (edit distance at most 2, or a third of its length). */
function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = levenshtein(word.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
