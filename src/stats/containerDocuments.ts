// Read-only documents about a container: its processes (`docker top`) and the files changed in its writable
// layer (`docker diff`). Content comes fresh from the engine each time the document is shown.
import * as vscode from 'vscode';
import type { ContainerSummary } from '../models/container';
import type { EngineSession } from '../session/engineSession';

// Not `dockside-container`: that scheme is the container file system's (a file at /<name>/processes is a file).
export const CONTAINER_DOCUMENT_SCHEME = 'dockside-container-report';

export type ContainerDocumentKind = 'processes' | 'changes';

export class ContainerDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(CONTAINER_DOCUMENT_SCHEME, this);

  /** `sessionOf`: the session of an engine id carried by a document's URI (one provider serves every engine). */
  constructor(private readonly sessionOf: (engineId: string) => EngineSession | undefined) {}

  /** Opens (or refreshes, when already open) the document of `kind` for the container of that engine. */
  async show(container: ContainerSummary, kind: ContainerDocumentKind, session: EngineSession): Promise<void> {
    const query = new URLSearchParams({ id: container.id, ...(session.id === 'default' ? {} : { engine: session.id }) }).toString();
    const uri = vscode.Uri.from({ scheme: CONTAINER_DOCUMENT_SCHEME, path: `/${container.name}/${kind}`, query });
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const id = query.get('id') ?? '';
    const kind = uri.path.split('/').pop() as ContainerDocumentKind;
    const session = this.sessionOf(query.get('engine') ?? 'default');
    if (!session) return vscode.l10n.t('The engine of this document is no longer shown in this window.') + '\n';
    const [engine, client] = await Promise.all([session.engine(), session.client()]);
    try {
      if (kind === 'processes') {
        const table = await engine.containerProcesses(client, id);
        return formatTable(table.titles, table.processes);
      }
      const changes = await engine.containerChanges(client, id);
      if (changes.length === 0) return vscode.l10n.t('No files changed since the container was created.') + '\n';
      const marks = { added: 'A', changed: 'C', deleted: 'D' } as const;
      return changes.map((c) => `${marks[c.kind]} ${c.path}`).join('\n') + '\n';
    } catch (error) {
      // A document cannot show an error dialog: it says what happened instead.
      return engine.isEngineError(error) ? `${engine.describeEngineError(error)}\n` : `${String(error)}\n`;
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

/** Columns padded to their widest cell; the last column (the command) runs free. */
export function formatTable(titles: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = titles.map((t, i) => Math.max(t.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(titles), ...rows.map(line)].join('\n') + '\n';
}
