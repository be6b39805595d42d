// Turns pipeline problems into LSP diagnostics and schedules validation: debounced per document while the
// user types, immediate on open, and again only for documents whose settings actually changed. Diagnostics
// come in two steps when ShellCheck has new RUN bodies to check: the fast ones at once, then all of them;
// a newer version of the document cancels the older one's ShellCheck run.
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LintFix, LintProblem, LintRange, LintSeverity, LocalImageInfo } from '../shared/lintProtocol';
import type { CancelSignal, Outcome } from './analysisWorker';
import { incompleteProblem } from './incomplete';
import { ShellcheckCancelled } from './rules';
import { analyseDockerfile, type PipelineProblem } from './validate';
import type { LintOutcome, LintRequestData } from './workerProtocol';
import type { DockerfileSettings } from './settings';

/** Carried on each diagnostic so code actions need not validate again. */
export interface DiagnosticData {
  fixes?: LintFix[];
  /** dockerfile-utils problems this diagnostic stands for: the language service's fixes are keyed on them. */
  utilsFixes?: { code: number; range: LintRange }[];
}

const severities: Record<LintSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  style: DiagnosticSeverity.Hint,
};

export function toDiagnostic(problem: PipelineProblem | LintProblem): Diagnostic {
  const utilsFixes = (problem as PipelineProblem).utilsFixes;
  const data: DiagnosticData = {};
  if (problem.fixes && problem.fixes.length > 0) data.fixes = problem.fixes;
  if (utilsFixes) data.utilsFixes = utilsFixes;
  return {
    range: problem.range,
    severity: severities[problem.severity],
    code: problem.ruleId,
    codeDescription: problem.docsUrl ? { href: problem.docsUrl } : undefined,
    source: problem.source,
    message: problem.message,
    data,
  };
}

/** How the scheduler has a document linted: in a worker thread in the server, in-process in tests. */
export type Analyse = (request: LintRequestData, onPartial: (outcome: LintOutcome) => void, cancel: CancelSignal) => Promise<Outcome<LintOutcome>>;

export interface ValidationHost {
  /** The document's text and version, or undefined once it is closed. */
  getDocument(uri: string): { text: string; version: number } | undefined;
  getSettings(uri: string): Promise<DockerfileSettings>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  logError(message: string, error: unknown): void;
  locale?: () => string | undefined;
  docsBaseUri?: string;
  /** What the client last said of the local engine's images; `generation` grows with each change. */
  localImages?: () => { generation: number; images: LocalImageInfo[] };
  /** Default: in this thread (ShellCheck still runs beside the event loop). */
  analyse?: Analyse;
}

/** How long a burst of typing must pause before validating again: short, the target is 150 ms from key to squiggle. */
export const typingDebounceMs = 50;

/** A cancellation the scheduler triggers when a newer version of the document is validated. */
class Supersede implements CancelSignal {
  isCancellationRequested = false;
  private readonly listeners = new Set<() => void>();

  onCancellationRequested(listener: () => void) {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  cancel(): void {
    if (this.isCancellationRequested) return;
    this.isCancellationRequested = true;
    for (const listener of [...this.listeners]) listener();
  }
}

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly settingsSeen = new Map<string, string>();
  private readonly lastStarted = new Map<string, number>();
  /** Per document, the version and settings last validated. */
  private readonly validated = new Map<string, string>();
  /** Per document, the run in flight (ShellCheck may still be working for it). */
  private readonly inFlight = new Map<string, Supersede>();
  private readonly analyse: Analyse;
  /** Per document being validated, released by its first publication: see untilFirstDiagnostics. */
  private readonly gates = new Map<string, { opened: Promise<void>; release: () => void }>();

  constructor(private readonly host: ValidationHost) {
    this.analyse = host.analyse ?? analyseInThisThread;
  }

  /** On open: no delay, the user is waiting to see the state of the file. */
  validateNow(uri: string): Promise<void> {
    this.cancel(uri);
    this.closeGate(uri);
    return this.run(uri);
  }

  /**
   * Resolves when the document's pending validation has published its first diagnostics (at once when none
   * is pending). Work the user is not waiting for (semantic tokens, outline, folding…) waits for this, so a
   * keystroke's diagnostics get the CPU first.
   */
  untilFirstDiagnostics(uri: string): Promise<void> {
    return this.gates.get(uri)?.opened ?? Promise.resolve();
  }

  private closeGate(uri: string): void {
    if (this.gates.has(uri)) return;
    let release = () => undefined as void;
    const opened = new Promise<void>((resolve) => { release = resolve; });
    this.gates.set(uri, { opened, release });
  }

  private openGate(uri: string): void {
    this.gates.get(uri)?.release();
    this.gates.delete(uri);
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    this.host.publish(uri, diagnostics);
    this.openGate(uri);
  }

  /**
   * While typing: the first keystroke after a pause is validated at once (leading edge), the following ones
   * once typing pauses for `typingDebounceMs` (trailing edge). A lone keystroke pays no debounce; a burst
   * costs at most one extra validation, whose result is dropped if the text has moved on.
   */
  validateSoon(uri: string): void {
    const quiet = !this.timers.has(uri) && Date.now() - (this.lastStarted.get(uri) ?? 0) > typingDebounceMs;
    this.cancel(uri);
    this.closeGate(uri);
    if (quiet) {
      void this.run(uri);
      return;
    }
    this.timers.set(uri, setTimeout(() => void this.run(uri), typingDebounceMs));
  }

  /** After a settings change: re-validates the documents whose effective settings differ. */
  async revalidateChangedSettings(uris: readonly string[]): Promise<void> {
    for (const uri of uris) {
      const settings = JSON.stringify(await this.host.getSettings(uri));
      if (settings !== this.settingsSeen.get(uri)) await this.validateNow(uri);
    }
  }

  /** After the local images changed: re-validates these documents (their findings may depend on them). */
  async revalidate(uris: readonly string[]): Promise<void> {
    for (const uri of uris) await this.validateNow(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.inFlight.get(uri)?.cancel();
    this.inFlight.delete(uri);
    this.settingsSeen.delete(uri);
    this.lastStarted.delete(uri);
    this.validated.delete(uri);
    this.publish(uri, []);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async run(uri: string): Promise<void> {
    this.timers.delete(uri);
    this.lastStarted.set(uri, Date.now());
    try {
      const settings = await this.host.getSettings(uri);
      // The text is read after the settings arrive, so the newest keystroke is validated.
      const document = this.host.getDocument(uri);
      if (!document) return;
      const settingsJson = JSON.stringify(settings);
      const images = this.host.localImages?.();
      // A burst's leading run may already have seen its last keystroke: the trailing run has nothing new.
      const subject = `${document.version} ${images?.generation ?? 0} ${settingsJson}`;
      if (this.validated.get(uri) === subject) return this.openGate(uri);
      this.validated.set(uri, subject);
      this.settingsSeen.set(uri, settingsJson);
      // The previous version's ShellCheck run is of no use any more: it is killed, not waited for.
      this.inFlight.get(uri)?.cancel();
      const supersede = new Supersede();
      this.inFlight.set(uri, supersede);
      const current = () => !supersede.isCancellationRequested && this.host.getDocument(uri)?.version === document.version;
      let partial: LintOutcome | undefined;
      const outcome = await this.analyse(
        {
          text: document.text, settings, filePath: filePathOf(uri), locale: this.host.locale?.(), docsBaseUri: this.host.docsBaseUri,
          localImages: images?.images.length ? images.images : undefined,
        },
        (step) => {
          partial = step;
          // Step one of two: everything but ShellCheck, published while ShellCheck works.
          if (step.stage === 'fast' && current()) this.publish(uri, step.diagnostics);
        },
        supersede,
      );
      if (this.inFlight.get(uri) === supersede) this.inFlight.delete(uri);
      if (!outcome.ok && outcome.reason === 'cancelled') return;
      const errors = outcome.ok ? outcome.value.errors : (partial?.errors ?? []);
      for (const error of errors) this.host.logError(`Part of the analysis failed on ${uri}`, error);
      if (!current()) return;
      if (outcome.ok) return this.publish(uri, outcome.value.diagnostics);
      // Over budget or the worker died: what was computed, and a warning that the rest is missing.
      this.host.logError(`Validation ${outcome.reason === 'timeout' ? 'stopped (over its time budget)' : 'failed'} on ${uri}`, outcome.message ?? outcome.reason);
      const part = partial?.stage === 'fast' ? 'shellcheck' : 'time';
      const firstLine = document.text.slice(0, Math.max(0, document.text.search(/\r?\n|$/)));
      this.publish(uri, [toDiagnostic(incompleteProblem([part], firstLine)), ...(partial?.diagnostics ?? [])]);
    } catch (error) {
      this.host.logError(`Validation failed on ${uri}`, error);
    } finally {
      // A run that ends without publishing (superseded, closed) holds nothing back, unless a newer one waits.
      if (!this.timers.has(uri) && this.inFlight.get(uri) === undefined) this.openGate(uri);
    }
  }
}

/** The scheduler's analysis without a worker: for tests and hosts that need no time budget. */
const analyseInThisThread: Analyse = async (request, onPartial, cancel) => {
  const errors: string[] = [];
  const controller = new AbortController();
  const subscription = cancel.onCancellationRequested(() => controller.abort());
  try {
    const analysis = analyseDockerfile({ ...request, onRuleEngineError: (error) => errors.push(String(error)) });
    const fast = analysis.fast.map(toDiagnostic);
    if (!analysis.withShellcheck) return { ok: true, value: { stage: 'final', diagnostics: fast, errors } };
    onPartial({ stage: 'fast', diagnostics: fast, errors });
    const problems = await analysis.withShellcheck(controller.signal);
    return { ok: true, value: { stage: 'final', diagnostics: problems.map(toDiagnostic), errors } };
  } catch (error) {
    if (error instanceof ShellcheckCancelled) return { ok: false, reason: 'cancelled' };
    return { ok: false, reason: 'failed', message: String(error) };
  } finally {
    subscription.dispose();
  }
};

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
