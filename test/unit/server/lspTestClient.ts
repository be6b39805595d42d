// A minimal LSP client for tests: forks the bundled server (dist/server.js) over IPC, answers its requests
// (settings per document, local image names) and lets tests wait for published diagnostics.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
export const serverBundle = path.join(repoRoot, 'dist', 'server.js');

export interface TestClientOptions {
  /** Settings the server pulls, per document URI; missing URIs get `{}` (the defaults). */
  settings?: Map<string, unknown>;
  /** What the client answers to dockside/imageNames; throwing makes the request fail like a dead engine. */
  imageNames?: () => string[];
  initializationOptions?: unknown;
  /** Another server bundle to fork (the compose server: dist/composeServer.js). */
  bundle?: string;
  /** The language id documents are opened with. */
  languageId?: string;
}

interface Waiter {
  uri: string;
  accept: (diagnostics: Diagnostic[]) => boolean;
  resolve: (diagnostics: Diagnostic[]) => void;
}

export class LspTestClient {
  readonly published = new Map<string, Diagnostic[]>();
  private readonly waiters: Waiter[] = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly connection: MessageConnection,
    private readonly child: ChildProcess,
    private readonly languageId: string,
  ) {}

  static async start(options: TestClientOptions = {}): Promise<LspTestClient> {
    const child = fork(options.bundle ?? serverBundle, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const client = new LspTestClient(connection, child, options.languageId ?? 'dockerfile');
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) =>
      params.items.map((item) => options.settings?.get(item.scopeUri ?? '') ?? {}),
    );
    connection.onRequest('dockside/imageNames', () => (options.imageNames ?? (() => []))());
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) =>
      client.onDiagnostics(params.uri, params.diagnostics),
    );
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          foldingRange: { lineFoldingOnly: true },
        },
      },
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the first publication for `uri` (already received or coming) that `accept` takes. */
  diagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const current = this.published.get(uri);
    if (current && accept(current)) return Promise.resolve(current);
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  /** Like `diagnostics`, but only publications made after this call count. */
  nextDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  /** The server's process id (its worker threads live in the same process). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.languageId, version: 1, text } });
  }

  replace(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) this.child.kill();
    }
  }

  private onDiagnostics(uri: string, diagnostics: Diagnostic[]): void {
    this.published.set(uri, diagnostics);
    for (const waiter of [...this.waiters]) {
      if (waiter.uri === uri && waiter.accept(diagnostics)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(diagnostics);
      }
    }
  }
}

/** Applies non-overlapping LSP text edits to a string, last first so offsets stay valid. */
export function applyEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const offsets = lineOffsets(text);
  const at = (position: Position) => offsets[position.line] + position.character;
  return [...edits]
    .sort((a, b) => at(b.range.start) - at(a.range.start))
    .reduce((result, edit) => result.slice(0, at(edit.range.start)) + edit.newText + result.slice(at(edit.range.end)), text);
}

interface Position {
  line: number;
  character: number;
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') offsets.push(index + 1);
  offsets.push(text.length);
  return offsets;
}
