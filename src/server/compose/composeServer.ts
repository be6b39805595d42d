// The compose language server (dist/composeServer.js, a sibling of the Dockerfile server, started only when a
// compose file opens): thin LSP wiring around the pure compose language service in this folder.
// No vscode here: it runs in its own process.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import { ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection, ResponseError, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LocalImageNames } from '../imageCompletion';
import { imageNamesRequest, type DocksideInitializationOptions } from '../protocol';
import { completeCompose } from './composeCompletion';
import { ComposeParseCache } from './composeChunks';
import { type ComposeDocument } from './composeDocument';
import { diskFiles, type ComposeFiles } from './composeFiles';
import { definitionOf, hoverCompose, prepareRenameAt, referencesOf, renameAt } from './composeNavigation';
import { composeSymbols, formatCompose } from './composeOutline';
import { composeSettingsSection, readComposeSettings, type ComposeSettings } from './composeSettings';
import { findComposeProblems, toLintProblems } from './validateCompose';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const imageNames = new LocalImageNames(() => connection.sendRequest<string[]>(imageNamesRequest));
const docsBaseUri = pathToFileURL(join(__dirname, '..', 'docs', 'compose')).href;
/** Keystrokes closer together than this validate once. */
const DEBOUNCE_MS = 120;
/** Bigger documents are not checked: no real compose file comes near, and parsing time grows with size. */
const MAX_TEXT_LENGTH = 4 * 1024 * 1024;
let displayLanguage: string | undefined;
let canPullSettings = false;
const timers = new Map<string, NodeJS.Timeout>();
const parsed = new Map<string, { version: number; doc: ComposeDocument }>();
/** Per open document: the pieces of its last parse, so a keystroke re-parses only the service typed in. */
const parseCaches = new Map<string, ComposeParseCache>();

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as DocksideInitializationOptions;
  if (options.l10nBundle && Object.keys(options.l10nBundle).length > 0) l10n.config({ contents: options.l10nBundle });
  displayLanguage = options.language ?? params.locale;
  canPullSettings = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [' ', ':', '-', '['] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      documentFormattingProvider: true,
    },
    serverInfo: { name: 'dockside-compose' },
  };
});

function documentOf(uri: string): ComposeDocument | undefined {
  const document = documents.get(uri);
  if (!document || document.getText().length > MAX_TEXT_LENGTH) return undefined;
  const cached = parsed.get(uri);
  if (cached?.version === document.version) return cached.doc;
  let cache = parseCaches.get(uri);
  if (!cache) parseCaches.set(uri, (cache = new ComposeParseCache()));
  const doc = cache.parse(document.getText());
  parsed.set(uri, { version: document.version, doc });
  return doc;
}

function filesOf(uri: string): ComposeFiles | undefined {
  return uri.startsWith('file:') ? diskFiles(fileURLToPath(uri)) : undefined;
}

function settingsOf(uri: string): Promise<ComposeSettings> {
  if (!canPullSettings) return Promise.resolve(readComposeSettings(undefined));
  return connection.workspace.getConfiguration({ scopeUri: uri, section: composeSettingsSection }).then(readComposeSettings, () => readComposeSettings(undefined));
}

async function validate(uri: string): Promise<void> {
  const doc = documentOf(uri);
  if (!doc) return;
  const version = documents.get(uri)?.version;
  const settings = await settingsOf(uri);
  if (documents.get(uri)?.version !== version) return;
  try {
    const problems = settings.enable ? toLintProblems(doc, findComposeProblems(doc, filesOf(uri)), { docsBaseUri, ignored: settings.ignoredRules, severityOverrides: settings.severityOverrides }) : [];
    const severity = { error: 1, warning: 2, info: 3, style: 4 } as const;
    const diagnostics = problems.map((p) => ({ range: p.range, message: p.message, severity: severity[p.severity], code: p.ruleId, codeDescription: { href: p.docsUrl! }, source: 'compose' }));
    void connection.sendDiagnostics({ uri, version, diagnostics });
  } catch (error) {
    // A defect in one check must not take the server down: say so in the log, keep serving.
    connection.console.error(`Compose validation failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

function schedule(uri: string): void {
  clearTimeout(timers.get(uri));
  timers.set(uri, setTimeout(() => {
    timers.delete(uri);
    void validate(uri);
  }, DEBOUNCE_MS));
}

documents.onDidOpen((e) => void validate(e.document.uri));
documents.onDidChangeContent((e) => schedule(e.document.uri));
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  parsed.delete(e.document.uri);
  parseCaches.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});
// A Dockerfile or env file appearing changes what the checks find: re-check the open compose files.
connection.onDidChangeWatchedFiles(() => documents.all().forEach((d) => schedule(d.uri)));
connection.onDidChangeConfiguration(() => documents.all().forEach((d) => schedule(d.uri)));

connection.onCompletion(async ({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return [];
  return completeCompose(document.getText(), document.offsetAt(position), { locale: displayLanguage, files: filesOf(textDocument.uri), imageNames: () => imageNames.get(), doc: documentOf(textDocument.uri) });
});

connection.onHover(({ textDocument, position }) => {
  const doc = documentOf(textDocument.uri);
  return doc ? hoverCompose(doc, documents.get(textDocument.uri)!.offsetAt(position), displayLanguage) ?? null : null;
});

connection.onDefinition(({ textDocument, position }) => {
  const doc = documentOf(textDocument.uri);
  if (!doc) return null;
  const target = definitionOf(doc, documents.get(textDocument.uri)!.offsetAt(position), filesOf(textDocument.uri));
  if (!target) return null;
  if ('path' in target) return { uri: pathToFileURL(target.path).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  return { uri: textDocument.uri, range: doc.range(target) };
});

connection.onReferences(({ textDocument, position, context }) => {
  const doc = documentOf(textDocument.uri);
  if (!doc) return [];
  return referencesOf(doc, documents.get(textDocument.uri)!.offsetAt(position), context.includeDeclaration).map((span) => ({ uri: textDocument.uri, range: doc.range(span) }));
});

connection.onPrepareRename(({ textDocument, position }) => {
  const doc = documentOf(textDocument.uri);
  const symbol = doc && prepareRenameAt(doc, documents.get(textDocument.uri)!.offsetAt(position));
  return symbol ? { range: doc.range(symbol.span), placeholder: symbol.name } : null;
});

connection.onRenameRequest(({ textDocument, position, newName }) => {
  const doc = documentOf(textDocument.uri);
  if (!doc) return null;
  const result = renameAt(doc, documents.get(textDocument.uri)!.offsetAt(position), newName);
  if (!result.ok) throw new ResponseError(1, result.message);
  return { changes: { [textDocument.uri]: result.edits.map((e) => ({ range: doc.range(e.span), newText: e.newText })) } };
});

connection.onDocumentSymbol(({ textDocument }) => {
  const doc = documentOf(textDocument.uri);
  return doc ? composeSymbols(doc) : [];
});

connection.onDocumentFormatting(({ textDocument, options }) => {
  const doc = documentOf(textDocument.uri);
  const formatted = doc && formatCompose(doc, { tabSize: options.tabSize });
  if (!doc || formatted === undefined) return [];
  return [{ range: doc.range([0, doc.text.length]), newText: formatted }];
});

documents.listen(connection);
connection.listen();
