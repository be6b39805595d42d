// Document symbols (the outline: top-level sections, their entries, a service's keys) and formatting. The
// formatter re-prints the parsed document with the `yaml` package, which keeps comments, blank lines,
// anchors, tags and quoting; a file with syntax errors is left as it is rather than half rewritten.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { ComposeDocument, ComposeNode } from './composeDocument';

const SECTION_KINDS: Record<string, SymbolKind> = {
  services: SymbolKind.Class,
  networks: SymbolKind.Interface,
  volumes: SymbolKind.Module,
  secrets: SymbolKind.Key,
  configs: SymbolKind.File,
};

export function composeSymbols(doc: ComposeDocument): DocumentSymbol[] {
  const root = doc.root;
  if (root?.kind !== 'map') return [];
  return root.pairs.filter((p) => !p.merged).map((section) => {
    const childKind = SECTION_KINDS[section.key];
    const children = section.value.kind === 'map' && childKind !== undefined
      ? section.value.pairs.filter((p) => !p.merged).map((entry) =>
          symbol(doc, entry.key, childKind, entry.keySpan, entry.value, section.key === 'services' ? keysOf(doc, entry.value) : []))
      : [];
    return symbol(doc, section.key, childKind ?? SymbolKind.Property, section.keySpan, section.value, children);
  });
}

function keysOf(doc: ComposeDocument, node: ComposeNode): DocumentSymbol[] {
  if (node.kind !== 'map') return [];
  return node.pairs.map((p) => symbol(doc, p.key, SymbolKind.Property, p.keySpan, p.value, []));
}

function symbol(doc: ComposeDocument, name: string, kind: SymbolKind, keySpan: readonly [number, number], value: ComposeNode, children: DocumentSymbol[]): DocumentSymbol {
  const end = Math.max(keySpan[1], value.span[0] >= keySpan[0] ? value.span[1] : keySpan[1]);
  const detail = value.kind === 'scalar' && value.value !== null ? String(value.value) : undefined;
  return DocumentSymbol.create(name || '""', detail, kind, doc.range([keySpan[0], end]), doc.range(keySpan), children);
}

export interface FormatOptions {
  tabSize: number;
}

/** The whole text formatted, or undefined when it cannot be formatted safely (syntax errors) or is unchanged. */
export function formatCompose(doc: ComposeDocument, options: FormatOptions): string | undefined {
  if (doc.syntaxProblems.length > 0) return undefined;
  let formatted: string;
  try {
    formatted = doc.yaml.toString({ indent: Math.max(1, Math.min(8, options.tabSize)), indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
  } catch {
    // The printer refuses some documents the parser let through (an alias before its anchor): leave them.
    return undefined;
  }
  return formatted === doc.text ? undefined : formatted;
}
