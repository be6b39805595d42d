// Hover, go to definition, find references and rename in compose files. Hover explains the key under the
// cursor from the model of the specification (English or Chinese); the others work on the symbol index:
// services, networks, volumes, secrets and configs, and from `build:` to the Dockerfile it builds.
import * as l10n from '@vscode/l10n';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { valueOf, type ComposeDocument, type ComposeNode, type Span } from './composeDocument';
import type { ComposeFiles } from './composeFiles';
import { dockerfilePathOf } from './composeCompletion';
import { childSchema, describe, itemSchema, resolveRef, specRoot, type SpecNode } from './composeModel';
import { deployKeyNote, deployNotes } from './deployKeys';
import { indexSymbols, type ComposeSymbols, type SymbolKind } from './composeSymbols';

interface KeyHit {
  readonly path: string[];
  readonly key: string;
  readonly keySpan: Span;
  readonly schema: SpecNode;
}

/** The key under the cursor, with its schema (walking the file and the spec together). */
export function keyAt(doc: ComposeDocument, offset: number): KeyHit | undefined {
  let node: ComposeNode | undefined = doc.root;
  let schema: SpecNode | undefined = specRoot;
  const path: string[] = [];
  while (node && schema) {
    if (node.kind === 'map') {
      const pair = node.pairs.find((p) => !p.merged && (inside(p.keySpan, offset) || inside(p.value.span, offset)));
      if (!pair) return undefined;
      const child = childSchema(schema, pair.key);
      if (!child) return undefined;
      if (inside(pair.keySpan, offset)) return { path: [...path, pair.key], key: pair.key, keySpan: pair.keySpan, schema: child };
      path.push(pair.key);
      [node, schema] = [pair.value, child];
    } else if (node.kind === 'seq') {
      const item: ComposeNode | undefined = node.items.find((i) => inside(i.span, offset));
      [node, schema] = [item, itemSchema(schema)];
      path.push('[]');
    } else {
      return undefined;
    }
  }
  return undefined;
}

function inside(span: Span, offset: number): boolean {
  return span[0] <= offset && offset <= span[1];
}

export function hoverCompose(doc: ComposeDocument, offset: number, locale?: string): Hover | undefined {
  const hit = keyAt(doc, offset);
  if (!hit) return undefined;
  const resolved = resolveRef(hit.schema);
  const description = describe(hit.schema, locale);
  // A service, network, … name is a key whose meaning is "the name": say what it is instead.
  const isName = ['services', 'networks', 'volumes', 'secrets', 'configs'].includes(hit.path[0]) && hit.path.length === 2;
  const title = isName ? l10n.t('{0} (defined in this file)', `\`${hit.key}\``) : `\`${hit.key}\``;
  const deploy = [deployKeyNote(hit.path), ...deployNotes(hit.path)].filter((line) => line !== undefined);
  const lines = [`**${title}**`, '', description ?? '', resolved.deprecated ? `\n_${l10n.t('Obsolete.')}_` : '', ...(deploy.length ? ['', ...deploy] : [])];
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n').trim() }, range: doc.range(hit.keySpan) };
}

export interface SymbolAtCursor {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly span: Span;
}

export function symbolAt(symbols: ComposeSymbols, offset: number): SymbolAtCursor | undefined {
  return symbols.references.find((r) => inside(r.span, offset)) ?? symbols.definitions.find((d) => inside(d.span, offset));
}

export interface FileTarget {
  readonly path: string;
}

/** Where the name under the cursor is defined: a span in this file, or the Dockerfile a `build:` points at. */
export function definitionOf(doc: ComposeDocument, offset: number, files?: ComposeFiles): Span | FileTarget | undefined {
  const symbols = indexSymbols(doc);
  const symbol = symbolAt(symbols, offset);
  if (symbol) return symbols.defined(symbol.kind, symbol.name)?.span;
  const hit = keyAt(doc, offset) ?? buildValueAt(doc, offset);
  if (files && hit && hit.path[0] === 'services' && hit.path[2] === 'build') {
    const dockerfile = dockerfilePathOf(doc, hit.path[1], files);
    if (dockerfile && files.exists(dockerfile)) return { path: dockerfile };
  }
  return undefined;
}

/** `build: ./app` or `context:` / `dockerfile:` values under build: the cursor on the value counts too. */
function buildValueAt(doc: ComposeDocument, offset: number): { path: string[] } | undefined {
  const services = valueOf(doc.root, 'services');
  if (services?.kind !== 'map') return undefined;
  for (const service of services.pairs) {
    const build = valueOf(service.value, 'build');
    if (build && inside(build.span, offset)) return { path: ['services', service.key, 'build'] };
  }
  return undefined;
}

/** The definition and every reference of the name under the cursor, definition first. */
export function referencesOf(doc: ComposeDocument, offset: number, includeDefinition = true): Span[] {
  const symbols = indexSymbols(doc);
  const symbol = symbolAt(symbols, offset);
  if (!symbol) return [];
  const spans: Span[] = [];
  const definition = symbols.defined(symbol.kind, symbol.name);
  if (definition && includeDefinition) spans.push(definition.span);
  for (const ref of symbols.references) if (ref.kind === symbol.kind && ref.name === symbol.name) spans.push(ref.span);
  const seen = new Set<string>();
  return spans.filter((s) => !seen.has(`${s[0]}:${s[1]}`) && !!seen.add(`${s[0]}:${s[1]}`));
}

const NAME = /^[a-zA-Z0-9._-]+$/;

export type RenameResult = { ok: true; edits: { span: Span; newText: string }[] } | { ok: false; message: string };

export function renameAt(doc: ComposeDocument, offset: number, newName: string): RenameResult {
  const symbols = indexSymbols(doc);
  const symbol = symbolAt(symbols, offset);
  if (!symbol) return { ok: false, message: l10n.t('Only services, networks, volumes, secrets and configs can be renamed.') };
  if (!NAME.test(newName)) return { ok: false, message: l10n.t('"{0}" is not a valid name: use letters, digits, ".", "_" and "-".', newName) };
  if (symbols.defined(symbol.kind, newName)) return { ok: false, message: l10n.t('"{0}" is already defined.', newName) };
  return { ok: true, edits: referencesOf(doc, offset).map((span) => ({ span, newText: newName })) };
}

/** The span of the name to rename, for the editor's rename box; undefined where nothing can be renamed. */
export function prepareRenameAt(doc: ComposeDocument, offset: number): SymbolAtCursor | undefined {
  return symbolAt(indexSymbols(doc), offset);
}
