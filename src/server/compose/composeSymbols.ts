// Where a compose file defines services, networks, volumes, secrets and configs, and every place that refers
// to one by name (depends_on, links, extends, networks, volume sources, secrets, configs, network_mode: service:x,
// volumes_from, …). Checks, go to definition, find references and rename all read this one index.
import { isInterpolated, pairOf, textOf, valueOf, type ComposeDocument, type ComposeNode, type Span } from './composeDocument';
import { parseVolume } from './shortSyntax';

export const SYMBOL_KINDS = ['services', 'networks', 'volumes', 'secrets', 'configs'] as const;
export type SymbolKind = (typeof SYMBOL_KINDS)[number];

export interface SymbolDefinition {
  readonly kind: SymbolKind;
  readonly name: string;
  /** The key that defines it (`web:` under `services:`). */
  readonly span: Span;
  readonly node: ComposeNode;
}

/** What refers to a symbol, for the messages of undefined references. */
export type ReferenceRole = 'depends_on' | 'links' | 'extends' | 'network' | 'volume' | 'secret' | 'config' | 'network_mode' | 'volumes_from' | 'ipc' | 'pid';

export interface SymbolReference {
  readonly kind: SymbolKind;
  readonly name: string;
  /** Exactly the name's characters, also inside a longer string (`db:alias`, `data:/var/lib`). */
  readonly span: Span;
  readonly role: ReferenceRole;
  /** The service the reference is written in. */
  readonly from: string;
}

export interface ComposeSymbols {
  readonly definitions: readonly SymbolDefinition[];
  readonly references: readonly SymbolReference[];
  defined(kind: SymbolKind, name: string): SymbolDefinition | undefined;
}

export function indexSymbols(doc: ComposeDocument): ComposeSymbols {
  const definitions: SymbolDefinition[] = [];
  const references: SymbolReference[] = [];
  const root = doc.root;
  for (const kind of SYMBOL_KINDS) {
    const section = valueOf(root, kind);
    if (section?.kind !== 'map') continue;
    for (const pair of section.pairs) if (!pair.key.startsWith('x-')) definitions.push({ kind, name: pair.key, span: pair.keySpan, node: pair.value });
  }
  const services = valueOf(root, 'services');
  if (services?.kind === 'map') {
    for (const service of services.pairs) collectServiceReferences(doc, service.key, service.value, references);
  }
  const byKey = new Map(definitions.map((d) => [`${d.kind}\n${d.name}`, d]));
  return { definitions, references, defined: (kind, name) => byKey.get(`${kind}\n${name}`) };
}

/** The span of `name` inside a scalar's text (quotes and a prefix such as `service:` skipped). */
function nameSpan(doc: ComposeDocument, node: ComposeNode, name: string, after = 0): Span {
  const at = doc.text.indexOf(name, node.span[0] + after);
  return at >= 0 && at + name.length <= node.span[1] ? [at, at + name.length] : node.span;
}

function collectServiceReferences(doc: ComposeDocument, from: string, service: ComposeNode, out: SymbolReference[]): void {
  const add = (kind: SymbolKind, name: string, span: Span, role: ReferenceRole) => out.push({ kind, name, span, role, from });
  const scalarRef = (node: ComposeNode | undefined, kind: SymbolKind, role: ReferenceRole, name?: string, after = 0) => {
    const text = name ?? textOf(node);
    if (node && text && !isInterpolated(node)) add(kind, text, nameSpan(doc, node, text, after), role);
  };
  /** A list of names or a map keyed by name (depends_on, networks, secrets' short form). */
  const namesIn = (node: ComposeNode | undefined, kind: SymbolKind, role: ReferenceRole, sourceKey?: string) => {
    if (node?.kind === 'map') for (const p of node.pairs) add(kind, p.key, p.keySpan, role);
    if (node?.kind === 'seq') {
      for (const item of node.items) {
        if (item.kind === 'scalar') scalarRef(item, kind, role);
        else if (sourceKey) scalarRef(valueOf(item, sourceKey), kind, role);
      }
    }
  };
  namesIn(valueOf(service, 'depends_on'), 'services', 'depends_on');
  namesIn(valueOf(service, 'networks'), 'networks', 'network');
  namesIn(valueOf(service, 'secrets'), 'secrets', 'secret', 'source');
  namesIn(valueOf(service, 'configs'), 'configs', 'config', 'source');
  namesIn(valueOf(valueOf(service, 'build'), 'secrets'), 'secrets', 'secret', 'source');
  const links = valueOf(service, 'links');
  if (links?.kind === 'seq') for (const link of links.items) scalarRef(link, 'services', 'links', textOf(link)?.split(':')[0]);
  const extendsNode = valueOf(service, 'extends');
  if (extendsNode?.kind === 'scalar') scalarRef(extendsNode, 'services', 'extends');
  else if (extendsNode?.kind === 'map' && !pairOf(extendsNode, 'file')) scalarRef(valueOf(extendsNode, 'service'), 'services', 'extends');
  for (const key of ['network_mode', 'ipc', 'pid'] as const) {
    const node = valueOf(service, key);
    const text = textOf(node);
    if (text?.startsWith('service:')) scalarRef(node, 'services', key, text.slice('service:'.length), 'service:'.length);
  }
  const volumesFrom = valueOf(service, 'volumes_from');
  if (volumesFrom?.kind === 'seq') {
    for (const item of volumesFrom.items) {
      const text = textOf(item);
      if (!text || text.startsWith('container:')) continue;
      const name = text.replace(/^service:/, '').split(':')[0];
      scalarRef(item, 'services', 'volumes_from', name, text.startsWith('service:') ? 'service:'.length : 0);
    }
  }
  const volumes = valueOf(service, 'volumes');
  if (volumes?.kind === 'seq') {
    for (const item of volumes.items) {
      const text = textOf(item);
      if (item.kind === 'scalar' && text) {
        const parsed = parseVolume(text);
        if (parsed.ok && parsed.value.named && parsed.value.source) scalarRef(item, 'volumes', 'volume', parsed.value.source);
      } else if (item.kind === 'map' && (textOf(valueOf(item, 'type')) ?? 'volume') === 'volume') {
        scalarRef(valueOf(item, 'source'), 'volumes', 'volume');
      }
    }
  }
}
