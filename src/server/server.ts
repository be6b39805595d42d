// The Dockerfile language server: thin LSP wiring around dockerfile-language-service (a pure service that
// takes the text and a position) and the validation pipeline. No vscode here: it runs in its own process.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import { DockerfileLanguageServiceFactory, type FormatterSettings } from 'dockerfile-language-service';
import {
  CodeActionKind,
  CompletionItemKind,
  DocumentHighlightKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type ClientCapabilities,
  type CompletionItem,
  type FormattingOptions,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeCodeActions } from './codeActions';
import { ValidationScheduler } from './diagnostics';
import { computeHover } from './hover';
import { completeDockerfileLine } from './dockerfileCompletion';
import { LocalImageNames } from './imageCompletion';
import { instructionHoverMarkdown } from './instructionDocs';
import { imageNamesRequest, settingsSection, type DocksideInitializationOptions } from './protocol';
import { withoutEmptyTokens } from './semanticTokens';
import { defaultSettings, readSettings, type DockerfileSettings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = DockerfileLanguageServiceFactory.createLanguageService();
const settingsCache = new Map<string, Promise<DockerfileSettings>>();
const imageNames = new LocalImageNames(() => connection.sendRequest<string[]>(imageNamesRequest));
/** Docker Hub tag lookups (the service's own) must not hold completion hostage on a slow or offline network. */
const remoteCompletionBudgetMs = 1500;
let displayLanguage: string | undefined;
let canPullSettings = false;

const scheduler = new ValidationScheduler({
  getDocument: (uri) => {
    const document = documents.get(uri);
    return document && { text: document.getText(), version: document.version };
  },
  locale: () => displayLanguage,
  // dist/server.js sits beside docs/ in the extension: the rules link to their pages there.
  docsBaseUri: pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href,
  getSettings,
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  logError: (message, error) => connection.console.error(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
});

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as DocksideInitializationOptions;
  if (options.l10nBundle && Object.keys(options.l10nBundle).length > 0) l10n.config({ contents: options.l10nBundle });
  displayLanguage = options.language ?? params.locale;
  canPullSettings = params.capabilities.workspace?.configuration === true;
  service.setCapabilities(serviceCapabilities(params.capabilities));
  service.setLogger({ log: (message) => connection.console.log(message) });
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
  if (!canPullSettings) return Promise.resolve(defaultSettings());
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
  scheduler.forget(event.document.uri);
});

function textOf(uri: string): string | undefined {
  return documents.get(uri)?.getText();
}

connection.onCompletion(async ({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return [];
  const content = document.getText();
  const lineBeforeCursor = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const serviceItems = await withinBudget(service.computeCompletionItems(content, position), remoteCompletionBudgetMs, []);
  return completeDockerfileLine(serviceItems, lineBeforeCursor, position, () => imageNames.get());
});

connection.onCompletionResolve((item: CompletionItem) => {
  const resolved = service.resolveCompletionItem(item);
  // Instruction keywords get the same bilingual page as their hover.
  const keyword = typeof resolved.data === 'string' ? resolved.data : resolved.label.split(/\s/)[0];
  const markdown = resolved.kind === CompletionItemKind.Keyword ? instructionHoverMarkdown(keyword, displayLanguage) : undefined;
  return markdown ? { ...resolved, documentation: { kind: 'markdown', value: markdown } } : resolved;
});

connection.onHover(({ textDocument, position }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? null : computeHover(service, content, position, displayLanguage);
});

connection.onSignatureHelp(({ textDocument, position }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? null : service.computeSignatureHelp(content, position);
});

async function formatterSettings(uri: string, options: FormattingOptions): Promise<FormatterSettings> {
  const settings = await getSettings(uri);
  return { ...options, ignoreMultilineInstructions: settings.format.ignoreMultilineInstructions };
}

connection.onDocumentFormatting(async ({ textDocument, options }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? [] : service.format(content, await formatterSettings(textDocument.uri, options));
});

connection.onDocumentRangeFormatting(async ({ textDocument, range, options }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? [] : service.formatRange(content, range, await formatterSettings(textDocument.uri, options));
});

connection.onDocumentOnTypeFormatting(async ({ textDocument, position, ch, options }) => {
  const content = textOf(textDocument.uri);
  return content === undefined
    ? []
    : service.formatOnType(content, position, ch, await formatterSettings(textDocument.uri, options));
});

connection.onDocumentSymbol(({ textDocument }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? [] : service.computeSymbols(textDocument, content);
});

connection.onFoldingRanges(({ textDocument }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? [] : service.computeFoldingRanges(content);
});

connection.languages.semanticTokens.on(({ textDocument }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? { data: [] } : withoutEmptyTokens(service.computeSemanticTokens(content));
});

connection.onPrepareRename(({ textDocument, position }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? null : service.prepareRename(content, position);
});

connection.onRenameRequest(({ textDocument, position, newName }) => {
  const content = textOf(textDocument.uri);
  if (content === undefined) return null;
  return { changes: { [textDocument.uri]: service.computeRename(textDocument, content, position, newName) } };
});

connection.onDefinition(({ textDocument, position }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? null : service.computeDefinition(textDocument, content, position);
});

connection.onReferences(({ textDocument, position, context }) => {
  const content = textOf(textDocument.uri);
  if (content === undefined) return [];
  // Stages and ARG/ENV live in one file, so the highlights are the references; writes are the declarations.
  return service
    .computeHighlightRanges(content, position)
    .filter((highlight) => context.includeDeclaration || highlight.kind !== DocumentHighlightKind.Write)
    .map((highlight) => ({ uri: textDocument.uri, range: highlight.range }));
});

connection.onDocumentHighlight(({ textDocument, position }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? [] : service.computeHighlightRanges(content, position);
});

connection.onDocumentLinks(({ textDocument }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? [] : service.computeLinks(content);
});

connection.onDocumentLinkResolve((link) => service.resolveLink(link));

connection.onCodeAction(({ textDocument, range, context }) => {
  const content = textOf(textDocument.uri);
  return content === undefined ? [] : computeCodeActions(service, textDocument.uri, content, range, context.diagnostics);
});

function withinBudget<T>(work: T | PromiseLike<T>, budgetMs: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), budgetMs);
    Promise.resolve(work).then(
      (value) => { clearTimeout(timer); resolve(value); },
      () => { clearTimeout(timer); resolve(fallback); },
    );
  });
}

documents.listen(connection);
connection.listen();
