// Completion of image references from the local engine: after `FROM`, in `COPY --from=` and in
// `RUN --mount=...,from=`. The names come from the client (the server has no engine access) and are cached
// briefly so typing a word does not ask once per keystroke.
import * as l10n from '@vscode/l10n';
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';

const referencePatterns = [
  /^\s*FROM\s+(?:--\S+\s+)*(\S*)$/i,
  /^\s*(?:ONBUILD\s+)?(?:COPY|ADD)\b.*\s--from=(\S*)$/i,
  /^\s*(?:ONBUILD\s+)?RUN\b.*\s--mount=\S*?\bfrom=([^,\s]*)$/i,
];

/** The image reference typed so far when the cursor is where an image name goes, else undefined. */
export function imageReferencePrefix(lineBeforeCursor: string): string | undefined {
  for (const pattern of referencePatterns) {
    const match = pattern.exec(lineBeforeCursor);
    if (match) return match[1];
  }
  return undefined;
}

export class LocalImageNames {
  private cached: { names: string[]; at: number } | undefined;

  constructor(
    private readonly fetchNames: () => Promise<string[]>,
    private readonly maxAgeMs = 5000,
  ) {}

  /** Never throws: without an engine there is simply nothing to offer. */
  async get(): Promise<string[]> {
    if (this.cached && Date.now() - this.cached.at < this.maxAgeMs) return this.cached.names;
    let names: string[] = [];
    try {
      const answer = await this.fetchNames();
      names = Array.isArray(answer) ? answer.filter((name) => typeof name === 'string' && !name.includes('<none>')) : [];
    } catch {
      names = [];
    }
    this.cached = { names, at: Date.now() };
    return names;
  }
}

export function imageCompletionItems(names: readonly string[], prefix: string, position: Position): CompletionItem[] {
  const range = { start: { line: position.line, character: position.character - prefix.length }, end: position };
  return [...new Set(names)]
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({
      label: name,
      kind: CompletionItemKind.Module,
      detail: l10n.t('Local image'),
      // After stage names, which the language service offers for `--from`.
      sortText: `~${name}`,
      textEdit: { range, newText: name },
    }));
}
