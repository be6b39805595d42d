// The language server's analysis thread (bundled to dist/serverWorker.js). Everything that parses a
// Dockerfile runs here: dockerfile-ast and the language service have slow paths on pathological input
// (quadratic semantic tokens and variable parsing), and a worker can be terminated when a request exceeds
// its budget or is superseded, which no synchronous code on the server's own thread could be. The server
// thread only speaks LSP, schedules and keeps the documents.
import * as l10n from '@vscode/l10n';
import { parentPort, workerData } from 'node:worker_threads';
import { DockerfileLanguageServiceFactory, type Capabilities } from 'dockerfile-language-service';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { computeCodeActions } from './codeActions';
import { toDiagnostic } from './diagnostics';
import { computeHover } from './hover';
import { instructionHoverMarkdown } from './instructionDocs';
import { withoutEmptyTokens } from './semanticTokens';
import { analyseDockerfile } from './validate';
import type { FromWorker, LintOutcome, LintRequestData, ToWorker, WorkerSetup } from './workerProtocol';

const setup = workerData as WorkerSetup;
if (setup.l10nBundle && Object.keys(setup.l10nBundle).length > 0) l10n.config({ contents: setup.l10nBundle });
const service = DockerfileLanguageServiceFactory.createLanguageService();
service.setCapabilities(setup.capabilities as Capabilities);
service.setLogger({ log: (message) => post({ type: 'log', message }) });
/** Docker Hub tag lookups (the service's own) must not hold completion hostage on a slow or offline network. */
const remoteCompletionBudgetMs = 1000;
const cancellations = new Map<number, AbortController>();

function post(message: FromWorker): void {
  parentPort!.postMessage(message);
}

/** A request whose result is ready at once; `lint` also sends a later result with ShellCheck's findings. */
type Operation = (args: never, id: number) => unknown;

const operations: Record<string, Operation> = {
  lint: (args: LintRequestData, id) => {
    const errors: string[] = [];
    const analysis = analyseDockerfile({
      ...args,
      onRuleEngineError: (error) => errors.push(describe(error)),
      onSyntaxProblems: (problems) => post({ type: 'partial', id, value: { stage: 'syntax', diagnostics: problems.map(toDiagnostic), errors } }),
    });
    const fast: LintOutcome = { stage: 'fast', diagnostics: analysis.fast.map(toDiagnostic), errors };
    if (!analysis.withShellcheck) return { ...fast, stage: 'final' };
    const controller = new AbortController();
    cancellations.set(id, controller);
    post({ type: 'partial', id, value: fast });
    return analysis
      .withShellcheck(controller.signal)
      .then((problems): LintOutcome => ({ stage: 'final', diagnostics: problems.map(toDiagnostic), errors }))
      .finally(() => cancellations.delete(id));
  },
  tokens: ({ text }: { text: string }) => withoutEmptyTokens(service.computeSemanticTokens(text)),
  completion: ({ text, position }: TextAt) => withinBudget(service.computeCompletionItems(text, position), remoteCompletionBudgetMs, []),
  resolveCompletion: ({ item, language }: { item: CompletionItem; language?: string }) => {
    const resolved = service.resolveCompletionItem(item);
    // Instruction keywords get the same bilingual page as their hover.
    const keyword = typeof resolved.data === 'string' ? resolved.data : resolved.label.split(/\s/)[0];
    const markdown = resolved.kind === CompletionItemKind.Keyword ? instructionHoverMarkdown(keyword, language) : undefined;
    return markdown ? { ...resolved, documentation: { kind: 'markdown', value: markdown } } : resolved;
  },
  hover: ({ text, position, language }: TextAt & { language?: string }) => computeHover(service, text, position, language),
  signatureHelp: ({ text, position }: TextAt) => service.computeSignatureHelp(text, position),
  format: ({ text, options }: { text: string; options: Parameters<typeof service.format>[1] }) => service.format(text, options),
  formatRange: ({ text, range, options }: { text: string; range: Range; options: Parameters<typeof service.format>[1] }) =>
    service.formatRange(text, range, options),
  formatOnType: ({ text, position, ch, options }: TextAt & { ch: string; options: Parameters<typeof service.format>[1] }) =>
    service.formatOnType(text, position, ch, options),
  symbols: ({ uri, text }: { uri: string; text: string }) => service.computeSymbols({ uri }, text),
  folding: ({ text }: { text: string }) => service.computeFoldingRanges(text),
  prepareRename: ({ text, position }: TextAt) => service.prepareRename(text, position),
  rename: ({ uri, text, position, newName }: TextAt & { uri: string; newName: string }) =>
    service.computeRename({ uri }, text, position, newName),
  definition: ({ uri, text, position }: TextAt & { uri: string }) => service.computeDefinition({ uri }, text, position),
  highlights: ({ text, position }: TextAt) => service.computeHighlightRanges(text, position),
  links: ({ text }: { text: string }) => service.computeLinks(text),
  resolveLink: ({ link }: { link: Parameters<typeof service.resolveLink>[0] }) => service.resolveLink(link),
  codeActions: ({ uri, text, range, diagnostics }: { uri: string; text: string; range: Range; diagnostics: Parameters<typeof computeCodeActions>[4] }) =>
    computeCodeActions(service, uri, text, range, diagnostics),
};

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

interface TextAt {
  text: string;
  position: { line: number; character: number };
}

function withinBudget<T>(work: T | PromiseLike<T>, budgetMs: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), budgetMs);
    Promise.resolve(work).then(
      (value) => { clearTimeout(timer); resolve(value); },
      () => { clearTimeout(timer); resolve(fallback); },
    );
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

parentPort!.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    cancellations.get(message.id)?.abort();
    return;
  }
  const { id, op, args } = message;
  let result: unknown;
  try {
    const operation = operations[op];
    if (!operation) throw new Error(`unknown operation ${op}`);
    result = operation(args as never, id);
  } catch (error) {
    post({ type: 'error', id, message: describe(error) });
    return;
  }
  if (!(result instanceof Promise)) {
    post({ type: 'result', id, value: result });
    return;
  }
  // The synchronous part is done: the server may send the next request while this one waits.
  post({ type: 'ready', id });
  result.then(
    (value) => post({ type: 'result', id, value }),
    (error: unknown) => post({ type: 'error', id, message: describe(error), cancelled: error instanceof Error && error.name === 'ShellcheckCancelled' }),
  );
});
