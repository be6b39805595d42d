// The project's model of the compose specification: generated from the spec's JSON schema by
// scripts/compose-model.mjs (spec/composeModel.json), with Chinese descriptions written for the project
// (spec/composeDescriptions.zh-cn.json, one per documented key). Validation, completion and hover read it.
import modelJson from './spec/composeModel.json';
import zhDescriptions from './spec/composeDescriptions.zh-cn.json';

export interface SpecNode {
  type?: string | string[];
  enum?: unknown[];
  required?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  uniqueItems?: boolean;
  description?: string;
  deprecated?: boolean;
  default?: unknown;
  $ref?: string;
  /** Where the key is documented: `service.build.target`. */
  doc?: string;
  properties?: Record<string, SpecNode>;
  patternProperties?: Record<string, SpecNode>;
  additionalProperties?: boolean | SpecNode;
  items?: SpecNode;
  oneOf?: SpecNode[];
  anyOf?: SpecNode[];
  allOf?: SpecNode[];
}

interface Model {
  specCommit: string;
  specDate: string;
  root: SpecNode;
  definitions: Record<string, SpecNode>;
}

const model = modelJson as unknown as Model;
const zh = zhDescriptions as Record<string, string>;

export const specVersion = { commit: model.specCommit, date: model.specDate };
export const specRoot: SpecNode = model.root;

const resolvedRefs = new Map<SpecNode, SpecNode>();

/** The node with its `$ref` followed (the referring node's own description and doc win). */
export function resolveRef(node: SpecNode): SpecNode {
  if (!node.$ref) return node;
  let resolved = resolvedRefs.get(node);
  if (!resolved) {
    const { $ref, ...rest } = node;
    const target = resolveRef(model.definitions[$ref] ?? {});
    resolved = { ...target, ...rest, doc: rest.doc ?? target.doc, description: rest.description ?? target.description };
    resolvedRefs.set(node, resolved);
  }
  return resolved;
}

const alternativesCache = new WeakMap<SpecNode, SpecNode[]>();

/** The alternatives a value may take (oneOf/anyOf flattened), each resolved; the node itself when it has none. Cached: the model never changes. */
export function alternatives(node: SpecNode): SpecNode[] {
  let cached = alternativesCache.get(node);
  if (cached) return cached;
  const resolved = resolveRef(node);
  const branches = resolved.oneOf ?? resolved.anyOf;
  if (!branches) {
    cached = [resolved];
  } else {
    const { oneOf: _o, anyOf: _a, ...base } = resolved;
    cached = branches.flatMap((branch) => alternatives(branch).map((alt) => ({ ...base, ...alt, doc: alt.doc ?? base.doc, description: alt.description ?? base.description })));
  }
  alternativesCache.set(node, cached);
  return cached;
}

const patternCache = new Map<string, RegExp>();
export function patternOf(source: string): RegExp {
  let re = patternCache.get(source);
  if (!re) patternCache.set(source, (re = new RegExp(source, 'u')));
  return re;
}

/** The schema of a map's child under `key`, or undefined when the key is not allowed. */
export function childSchema(map: SpecNode, key: string): SpecNode | undefined {
  for (const alt of alternatives(map)) {
    if (alt.properties?.[key]) return alt.properties[key];
    for (const [pattern, child] of Object.entries(alt.patternProperties ?? {})) if (patternOf(pattern).test(key)) return child;
    if (typeof alt.additionalProperties === 'object') return alt.additionalProperties;
  }
  return undefined;
}

/** The schema of a sequence's items, if the value may be a sequence. */
export function itemSchema(node: SpecNode): SpecNode | undefined {
  return alternatives(node).find((alt) => alt.items)?.items;
}

/** The described keys of a map schema (for completion), in the spec's order. */
export function knownKeys(map: SpecNode): [string, SpecNode][] {
  const keys = new Map<string, SpecNode>();
  for (const alt of alternatives(map)) for (const [key, child] of Object.entries(alt.properties ?? {})) if (!keys.has(key)) keys.set(key, child);
  return [...keys];
}

/** The description of a key in the display language: Chinese for `zh*`, else the spec's English. */
export function describe(node: SpecNode, locale: string | undefined): string | undefined {
  const resolved = resolveRef(node);
  if (locale?.toLowerCase().startsWith('zh') && resolved.doc && zh[resolved.doc]) return zh[resolved.doc];
  return resolved.description ?? alternatives(node).find((alt) => alt.description)?.description;
}

/** Every documented key with its English and Chinese description (docs and the translations test). */
export function documentedKeys(): { doc: string; en?: string; zh?: string }[] {
  const seen = new Map<string, string | undefined>();
  const walk = (node: SpecNode | boolean | undefined) => {
    if (!node || typeof node !== 'object') return;
    if (node.doc && !seen.has(node.doc)) seen.set(node.doc, node.description);
    for (const child of [...Object.values(node.properties ?? {}), ...Object.values(node.patternProperties ?? {}), node.items, node.additionalProperties, ...(node.oneOf ?? []), ...(node.anyOf ?? [])]) walk(child as SpecNode);
  };
  walk(model.root);
  Object.values(model.definitions).forEach(walk);
  return [...seen].map(([doc, en]) => ({ doc, en, zh: zh[doc] }));
}
