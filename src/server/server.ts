// The Dockerfile language server: thin LSP wiring around dockerfile-language-service (a pure service that
// takes the text and a position) and the validation pipeline. No vscode here: it runs in its own process.
// This thread only speaks LSP and keeps the documents; every computation on a document's text runs in an
// analysis worker with a time budget (analysisWorker.ts), so a pathological file cannot freeze the server.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import type { FormatterSettings } from 'dockerfile-language-service';
import {
  CodeActionKind,
  DocumentHighlightKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type ClientCapabilities,
  type CompletionItem,
  type DocumentHighlight,
  type FormattingOptions,
  type InitializeResult,
  type SemanticTokens,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisWorker, type CancelSignal } from './analysisWorker';
import { ValidationScheduler } from './diagnostics';
import { completeDockerfileLine } from './dockerfileCompletion';
import { LocalImageNames } from './imageCompletion';
import { imageNamesRequest, localImagesNotification, settingsSection, type DocksideInitializationOptions, type LocalImagesParams } from './protocol';
import type { LocalImageInfo } from '../shared/lintProtocol';
import { defaultSettings, readSettings, type DockerfileSettings } from './settings';
import type { LintOutcome, WorkerSetup } from './workerProtocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settingsCache = new Map<string, Promise<DockerfileSettings>>();
const imageNames = new LocalImageNames(() => connection.sendRequest<string[]>(imageNamesRequest));
/** The most any request may compute (validation's synchronous part, semantic tokens, a hover...). */
const requestBudgetMs = 1200;
let displayLanguage: string | undefined;
let canPullSettings = false;
/** Per request kind and document, the text length at which the request ran out of time. */
const tooSlow = new Map<string, number>();
const workerSetup: WorkerSetup = { capabilities: {} };
const workerFile = join(__dirname, 'serverWorker.js');
const log = (message: string) => connection.console.log(message);
// Two workers: a long validation never holds back a hover or a completion, and the reverse.
const features = new AnalysisWorker(workerFile, workerSetup, log);
const lint = new AnalysisWorker(workerFile, workerSetup, log);
let workspaceTrusted = true;
/** What the client last said of the local engine's images: none until it says (InvalidBaseImagePlatform is off). */
let localImages: { generation: number; images: LocalImageInfo[] } = { generation: 0, images: [] };

const scheduler = new ValidationScheduler({
  getDocument: (uri) => {
    const document = documents.get(uri);
    return document && { text: document.getText(), version: document.version };
  },
  locale: () => displayLanguage,
  // dist/server.js sits beside docs/ in the extension: the rules link to their pages there.
  docsBaseUri: pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href,
  getSettings,
  localImages: () => localImages,
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  logError: (message, error) => connection.console.error(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
  analyse: (request, onPartial, cancel) =>
    lint.call<LintOutcome>('lint', request, { budgetMs: requestBudgetMs, onPartial: (step) => onPartial(step as LintOutcome), cancel }),
});

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as DocksideInitializationOptions;
  if (options.l10nBundle && Object.keys(options.l10nBundle).length > 0) {
    l10n.config({ contents: options.l10nBundle });
    workerSetup.l10nBundle = options.l10nBundle;
  }
  displayLanguage = options.language ?? params.locale;
  canPullSettings = params.capabilities.workspace?.configuration === true;
  workerSetup.capabilities = serviceCapabilities(params.capabilities);
  workspaceTrusted = options.workspaceTrusted !== false;
  if (Array.isArray(options.localImages)) localImages = { generation: 1, images: validImages(options.localImages) };
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['=', ' ', '$', '-'], resolveProvider: true },
      hoverProvider: true,
      signatureHelpProvider: { triggerCharacters: ['-', '[', ',', ' ', '='] },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      documentOnTypeFormattingProvider: { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      semanticTokensProvider: {
        // The order the language service numbers its token types and modifiers in.
        legend: {
          tokenTypes: ['keyword', 'comment', 'parameter', 'property', 'namespace', 'class', 'macro', 'string', 'variable', 'operator', 'modifier'],
          tokenModifiers: ['declaration', 'definition', 'deprecated'],
        },
        full: true,
      },
      renameProvider: { prepareProvider: true },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      documentLinkProvider: { resolveProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'dockside-dockerfile' },
  };
});

function serviceCapabilities(client: ClientCapabilities) {
  const textDocument = client.textDocument;
  return {
    completion: {
      completionItem: {
        deprecatedSupport: textDocument?.completion?.completionItem?.deprecatedSupport,
        documentationFormat: textDocument?.completion?.completionItem?.documentationFormat,
        snippetSupport: textDocument?.completion?.completionItem?.snippetSupport,
        tagSupport: textDocument?.completion?.completionItem?.tagSupport,
      },
    },
    foldingRange: textDocument?.foldingRange,
    hover: { contentFormat: textDocument?.hover?.contentFormat },
  };
}

function getSettings(uri: string): Promise<DockerfileSettings> {
  if (!canPullSettings) return Promise.resolve(workspaceTrusted ? defaultSettings() : readSettings({ workspaceTrusted }));
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({ scopeUri: uri, section: settingsSection })
      .then(readSettings, () => defaultSettings());
    settingsCache.set(uri, settings);
  }
  return settings;
}

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  void scheduler.revalidateChangedSettings(documents.all().map((document) => document.uri));
});

connection.onNotification(localImagesNotification, (params: LocalImagesParams) => {
  const images = validImages(params?.images);
  if (JSON.stringify(images) === JSON.stringify(localImages.images)) return;
  localImages = { generation: localImages.generation + 1, images };
  void scheduler.revalidate(documents.all().map((document) => document.uri));
});

/** The entries a client sent that have what the rules read; anything else is dropped, not trusted. */
function validImages(images: unknown): LocalImageInfo[] {
  if (!Array.isArray(images)) return [];
  return images.filter((image): image is LocalImageInfo =>
    typeof image === 'object' && image !== null && typeof image.reference === 'string' && typeof image.os === 'string' &&
    typeof image.architecture === 'string');
}

/** Opening fires onDidOpen then onDidChangeContent: the second must not validate again after a delay. */
const justOpened = new Set<string>();
documents.onDidOpen((event) => {
  justOpened.add(event.document.uri);
  void scheduler.validateNow(event.document.uri);
});
documents.onDidChangeContent((event) => {
  if (!justOpened.delete(event.document.uri)) scheduler.validateSoon(event.document.uri);
});
documents.onDidClose((event) => {
  settingsCache.delete(event.document.uri);
  for (const key of [...tooSlow.keys()]) if (key.endsWith(` ${event.document.uri}`)) tooSlow.delete(key);
  scheduler.forget(event.document.uri);
});

function textOf(uri: string): string | undefined {
  return documents.get(uri)?.getText();
}

/**
 * A feature computed in the worker; when it fails or runs out of time the answer is the fallback (nothing),
 * rather than a hang. A request that ran out of time on a document is not tried again on that document
 * until its text is clearly smaller: each keystroke would spend the whole budget again.
 */
function feature<T>(op: string, args: { uri?: string; text?: string } & object, fallback: T, cancel?: CancelSignal): Promise<T> {
  const key = args.uri && `${op} ${args.uri}`;
  const length = args.text?.length ?? 0;
  const tooLarge = key ? tooSlow.get(key) : undefined;
  if (tooLarge !== undefined && length >= tooLarge * 0.8) return Promise.resolve(fallback);
  return features.call<T>(op, args, { budgetMs: requestBudgetMs, cancel }).then((outcome) => {
    if (outcome.ok) return outcome.value ?? fallback;
    if (outcome.reason === 'timeout' && key) tooSlow.set(key, length);
    if (outcome.reason !== 'cancelled') connection.console.error(`${op} ${outcome.reason === 'timeout' ? 'ran out of time' : 'failed'}: ${outcome.message ?? ''}`);
    return fallback;
  });
}

connection.onCompletion(async ({ textDocument, position }, token) => {
  const document = documents.get(textDocument.uri);
  if (!document) return [];
  const text = document.getText();
  const lineBeforeCursor = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const serviceItems = await feature<CompletionItem[]>('completion', { uri: textDocument.uri, text, position } as { uri: string; text: string }, [], token);
  return completeDockerfileLine(serviceItems, lineBeforeCursor, position, () => imageNames.get());
});

connection.onCompletionResolve((item: CompletionItem, token) => feature('resolveCompletion', { item, language: displayLanguage } as object, item, token));

/** The document's text, with the request's own arguments, for a feature computed in the worker. */
function withText<T>(uri: string, op: string, args: object, fallback: T, cancel?: CancelSignal): Promise<T> | T {
  const text = textOf(uri);
  return text === undefined ? fallback : feature(op, { ...args, uri, text }, fallback, cancel);
}

/** The most a request nobody waits for is held back behind a keystroke's diagnostics. */
const backgroundHoldMs = 250;

/**
 * Like withText, for what the editor asks after each edit without the user waiting for it (semantic tokens,
 * outline, folding, links, code actions): it waits until the edit's first diagnostics are out, so on a busy
 * machine the keystroke's diagnostics do not share the CPU with it. The text is read after the wait.
 */
async function inBackground<T>(uri: string, op: string, args: object, fallback: T, cancel?: CancelSignal): Promise<T> {
  await Promise.race([scheduler.untilFirstDiagnostics(uri), new Promise((resolve) => setTimeout(resolve, backgroundHoldMs))]);
  if (cancel?.isCancellationRequested) return fallback;
  return withText(uri, op, args, fallback, cancel);
}

connection.onHover(({ textDocument, position }, token) => withText(textDocument.uri, 'hover', { position, language: displayLanguage }, null, token));

connection.onSignatureHelp(({ textDocument, position }, token) => withText(textDocument.uri, 'signatureHelp', { position }, null, token));

async function formatterSettings(uri: string, options: FormattingOptions): Promise<FormatterSettings> {
  const settings = await getSettings(uri);
  return { ...options, ignoreMultilineInstructions: settings.format.ignoreMultilineInstructions };
}

connection.onDocumentFormatting(async ({ textDocument, options }, token) =>
  withText(textDocument.uri, 'format', { options: await formatterSettings(textDocument.uri, options) }, [], token));

connection.onDocumentRangeFormatting(async ({ textDocument, range, options }, token) =>
  withText(textDocument.uri, 'formatRange', { range, options: await formatterSettings(textDocument.uri, options) }, [], token));

connection.onDocumentOnTypeFormatting(async ({ textDocument, position, ch, options }) =>
  withText(textDocument.uri, 'formatOnType', { position, ch, options: await formatterSettings(textDocument.uri, options) }, []));

connection.onDocumentSymbol(({ textDocument }, token) => inBackground(textDocument.uri, 'symbols', {}, [], token));

connection.onFoldingRanges(({ textDocument }, token) => inBackground(textDocument.uri, 'folding', {}, [], token));

connection.languages.semanticTokens.on(({ textDocument }, token) =>
  inBackground<SemanticTokens>(textDocument.uri, 'tokens', {}, { data: [] }, token));

connection.onPrepareRename(({ textDocument, position }, token) => withText(textDocument.uri, 'prepareRename', { position }, null, token));

connection.onRenameRequest(async ({ textDocument, position, newName }, token) => {
  const edits = await withText<TextEdit[] | null>(textDocument.uri, 'rename', { position, newName }, null, token);
  return edits ? { changes: { [textDocument.uri]: edits } } : null;
});

connection.onDefinition(({ textDocument, position }, token) => withText(textDocument.uri, 'definition', { position }, null, token));

connection.onReferences(async ({ textDocument, position, context }, token) => {
  // Stages and ARG/ENV live in one file, so the highlights are the references; writes are the declarations.
  const highlights = await withText<DocumentHighlight[]>(textDocument.uri, 'highlights', { position }, [], token);
  return highlights
    .filter((highlight) => context.includeDeclaration || highlight.kind !== DocumentHighlightKind.Write)
    .map((highlight) => ({ uri: textDocument.uri, range: highlight.range }));
});

connection.onDocumentHighlight(({ textDocument, position }, token) => withText(textDocument.uri, 'highlights', { position }, [], token));

connection.onDocumentLinks(({ textDocument }, token) => inBackground(textDocument.uri, 'links', {}, [], token));

connection.onDocumentLinkResolve((link, token) => feature('resolveLink', { link } as object, link, token));

connection.onCodeAction(({ textDocument, range, context }, token) =>
  inBackground(textDocument.uri, 'codeActions', { range, diagnostics: context.diagnostics }, [], token));

connection.onShutdown(() => {
  features.dispose();
  lint.dispose();
});

documents.listen(connection);
connection.listen();
