// Completion in compose files: the keys the specification allows at the cursor (with their descriptions),
// enum values, and names from the file and the machine: services in depends_on/links/extends, networks,
// volumes, secrets, configs, local images for `image:`, the Dockerfile's stages for `build.target`, signals,
// restart policies and Linux capabilities.
import * as l10n from '@vscode/l10n';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { CAPABILITIES } from '../../models/run/capabilities';
import { parseCompose, textOf, valueOf, type ComposeDocument } from './composeDocument';
import { joinPath, type ComposeFiles } from './composeFiles';
import { alternatives, childSchema, describe, itemSchema, knownKeys, resolveRef, specRoot, type SpecNode } from './composeModel';
import { indexSymbols, type SymbolKind } from './composeSymbols';
import { cursorContext } from './cursorContext';
import { deployKeyNote, deployNotes, deployValueDetail, deployValues } from './deployKeys';

export interface CompletionSources {
  locale?: string;
  files?: ComposeFiles;
  /** Local image references (`repo:tag`); may be slow or fail, then offers nothing. */
  imageNames?: () => Promise<string[]>;
  /** The text already parsed (the server keeps each version's parse), else it is parsed here. */
  doc?: ComposeDocument;
}

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH', 'SIGSTOP', 'SIGCONT'];
const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'];

/** The schema of the value at a key path (`[]` = list item), or undefined when the path leaves the spec. */
export function schemaAt(path: readonly string[]): SpecNode | undefined {
  let schema: SpecNode | undefined = specRoot;
  for (const step of path) {
    if (!schema) return undefined;
    schema = step === '[]' ? itemSchema(schema) : childSchema(schema, step);
  }
  return schema;
}

/** Which names a value at this path refers to. */
function referenceKindAt(path: readonly string[]): SymbolKind | undefined {
  if (path[0] !== 'services' || path.length < 3) return undefined;
  const [, , key, ...rest] = path;
  const tail = rest.filter((s) => s !== '[]');
  if (key === 'depends_on' || key === 'links' || (key === 'extends' && (tail.length === 0 || tail[0] === 'service')) || key === 'volumes_from') return 'services';
  if (key === 'networks' && tail.length === 0) return 'networks';
  if ((key === 'secrets' || key === 'configs') && (tail.length === 0 || tail[0] === 'source')) return key;
  if (key === 'build' && tail[0] === 'secrets') return 'secrets';
  if (key === 'volumes' && (tail.length === 0 || tail[0] === 'source')) return 'volumes';
  return undefined;
}

export async function completeCompose(text: string, offset: number, sources: CompletionSources = {}): Promise<CompletionItem[]> {
  const context = cursorContext(text, offset);
  const { path, mode } = context;
  const items: CompletionItem[] = [];
  const doc = sources.doc?.text === text ? sources.doc : parseCompose(text);
  const symbols = indexSymbols(doc);
  const add = (label: string, kind: CompletionItemKind, detail?: string, documentation?: string, insertText?: string) =>
    items.push({ label, kind, detail, documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined, insertText, insertTextFormat: insertText?.includes('$') ? InsertTextFormat.Snippet : undefined });

  if (mode === 'key' || mode === 'item') {
    const mapSchema = mode === 'key' ? schemaAt(path) : itemSchema(schemaAt(path) ?? {});
    if (mapSchema) {
      for (const [key, child] of knownKeys(mapSchema)) {
        const resolved = resolveRef(child);
        const block = alternatives(child).every((alt) => alt.type === 'object' || alt.type === 'array');
        const keyPath = mode === 'key' ? [...path, key] : [...path, '[]', key];
        const notes = [deployKeyNote(keyPath) ?? '', ...deployNotes(keyPath)].filter(Boolean).join('\n');
        const documentation = [describe(child, sources.locale), notes].filter(Boolean).join('\n\n');
        add(key, CompletionItemKind.Property, typeLabel(child), documentation || undefined, block ? `${key}:\n  ` : `${key}: `);
        if (resolved.deprecated) items[items.length - 1].tags = [1];
      }
    }
  }
  const valuePath = mode === 'value' ? path : [...path, '[]'];
  if (mode === 'value' || mode === 'item') {
    const refKind = referenceKindAt(valuePath);
    if (refKind) {
      const self = path[1];
      for (const def of symbols.definitions) if (def.kind === refKind && !(refKind === 'services' && def.name === self)) add(def.name, CompletionItemKind.Reference, kindLabel(refKind));
    }
    const key = valuePath.filter((s) => s !== '[]').at(-1);
    const schema = schemaAt(valuePath);
    // Before the spec's enums, so that values both know keep their meaning as detail.
    for (const value of deployValues(valuePath)) add(value, CompletionItemKind.EnumMember, deployValueDetail(valuePath, value));
    for (const alt of schema ? alternatives(schema) : []) {
      for (const value of alt.enum ?? []) add(String(value), CompletionItemKind.EnumMember);
      if (alt.type === 'boolean' || (Array.isArray(alt.type) && alt.type.includes('boolean'))) ['true', 'false'].forEach((b) => add(b, CompletionItemKind.Value));
    }
    if (path[0] === 'services' && key === 'restart') RESTART_POLICIES.forEach((p) => add(p, CompletionItemKind.EnumMember));
    if (key === 'stop_signal') SIGNALS.forEach((s) => add(s, CompletionItemKind.EnumMember));
    if (key === 'cap_add' || key === 'cap_drop') for (const [cap, meaning] of Object.entries(CAPABILITIES)) add(cap, CompletionItemKind.EnumMember, meaning());
    if (path[0] === 'services' && key === 'image' && sources.imageNames) {
      for (const name of await sources.imageNames().catch(() => [] as string[])) add(name, CompletionItemKind.Module, l10n.t('Local image'));
    }
    if (path[0] === 'services' && key === 'target' && valuePath[2] === 'build' && sources.files) {
      for (const stage of dockerfileStages(doc, path[1], sources.files)) add(stage, CompletionItemKind.Class, l10n.t('Build stage'));
    }
  }
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.label) && !!seen.add(item.label));
}

function typeLabel(node: SpecNode): string {
  const types = [...new Set(alternatives(node).flatMap((alt) => (alt.type ? (Array.isArray(alt.type) ? alt.type : [alt.type]) : [])))];
  return types.join(' | ');
}

function kindLabel(kind: SymbolKind): string {
  switch (kind) {
    case 'services': return l10n.t('Service');
    case 'networks': return l10n.t('Network');
    case 'volumes': return l10n.t('Volume');
    case 'secrets': return l10n.t('Secret');
    case 'configs': return l10n.t('Config');
  }
}

/** The `AS name` stages of the service's Dockerfile. */
export function dockerfileStages(doc: ComposeDocument, service: string, files: ComposeFiles): string[] {
  const dockerfile = dockerfilePathOf(doc, service, files);
  const content = dockerfile ? files.read(dockerfile) : undefined;
  if (!content) return [];
  return [...content.matchAll(/^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+([\w.-]+)/gim)].map((m) => m[1]);
}

/** The Dockerfile a service builds from, as an absolute path. */
export function dockerfilePathOf(doc: ComposeDocument, service: string, files: ComposeFiles): string | undefined {
  const build = valueOf(valueOf(valueOf(doc.root, 'services'), service), 'build');
  if (!build) return undefined;
  const context = (build.kind === 'scalar' ? textOf(build) : textOf(valueOf(build, 'context'))) ?? '.';
  const dockerfile = build.kind === 'map' ? textOf(valueOf(build, 'dockerfile')) : undefined;
  return joinPath(joinPath(files.directory, context), dockerfile ?? 'Dockerfile');
}
