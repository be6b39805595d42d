// Read-only virtual documents for what the engine says about an object: inspect JSON for every kind,
// image history, disk usage. One URI per object (`dockside-inspect:/container/web.json?id=…`), so opening
// it again shows the same editor, and "Refresh" asks the engine again.
import * as vscode from 'vscode';

export const INSPECT_SCHEME = 'dockside-inspect';

/** Produces a document's text from the engine; `id` is the engine id (or name for volumes). */
export type DocumentProducer = (id: string) => Promise<string>;

/** The primary engine's id: its documents' URIs carry no engine. */
const PRIMARY = 'default';

function producerKey(kind: string, engineId: string): string {
  return engineId === PRIMARY ? kind : `${engineId}\u0000${kind}`;
}

/** What commands use: the documents of the engine they act on. */
export interface EngineDocuments {
  register(kind: string, producer: DocumentProducer): void;
  uriFor(kind: string, id: string, title: string, extension: string): vscode.Uri;
  open(kind: string, id: string, title: string, extension: string): Promise<vscode.TextEditor>;
  refresh(uri: vscode.Uri): Promise<void>;
}

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly producers = new Map<string, DocumentProducer>();
  private readonly contents = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, this);
  private readonly closing = vscode.workspace.onDidCloseTextDocument((d) => this.contents.delete(d.uri.toString()));

  /** `loadProducers`: registers the producers (they come with the commands, which load on first use). */
  constructor(private readonly loadProducers: () => void) {}

  /** `kind` is the first path segment of the URI, e.g. "container" or "image-history". */
  register(kind: string, producer: DocumentProducer, engineId = PRIMARY): void {
    this.producers.set(producerKey(kind, engineId), producer);
  }

  uriFor(kind: string, id: string, title: string, extension: string, engineId = PRIMARY): vscode.Uri {
    const file = `${title.replace(/[/\\:*?"<>|]+/g, '_')}${extension}`;
    const query = new URLSearchParams({ id, ...(engineId === PRIMARY ? {} : { engine: engineId }) }).toString();
    return vscode.Uri.from({ scheme: INSPECT_SCHEME, path: `/${kind}/${file}`, query });
  }

  /**
   * The documents of one engine: producers and URIs carry its id (the primary engine's URIs stay as they
   * were), and titles start with the engine's name while several engines are shown.
   */
  forEngine(engineId: string, titled: (title: string) => string): EngineDocuments {
    return {
      register: (kind, producer) => this.register(kind, producer, engineId),
      uriFor: (kind, id, title, extension) => this.uriFor(kind, id, titled(title), extension, engineId),
      open: (kind, id, title, extension) => this.open(kind, id, titled(title), extension, engineId),
      refresh: (uri) => this.refresh(uri),
    };
  }

  /** Fetches first, so an engine error reaches the command (and its mapped sentence) instead of the editor. */
  async open(kind: string, id: string, title: string, extension: string, engineId = PRIMARY): Promise<vscode.TextEditor> {
    const uri = this.uriFor(kind, id, title, extension, engineId);
    await this.refresh(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: false });
  }

  async refresh(uri: vscode.Uri): Promise<void> {
    const text = await this.produce(uri);
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return this.contents.get(uri.toString()) ?? this.produce(uri);
  }

  private produce(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const key = producerKey(uri.path.split('/')[1] ?? '', query.get('engine') ?? PRIMARY);
    // A document restored with the window can ask before any command ran.
    if (!this.producers.has(key)) this.loadProducers();
    const producer = this.producers.get(key);
    if (!producer) return Promise.reject(new Error(`no producer for ${uri.toString()}`));
    return producer(query.get('id') ?? '');
  }

  dispose(): void {
    this.registration.dispose();
    this.closing.dispose();
    this.changed.dispose();
  }
}
