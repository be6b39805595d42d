// Turns pipeline problems into LSP diagnostics and schedules validation: debounced per document while the
// user types, immediate on open, and again only for documents whose settings actually changed.
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LintFix, LintRange, LintSeverity } from '../shared/lintProtocol';
import { lintDockerfileAsync, type PipelineProblem } from './validate';
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

export function toDiagnostic(problem: PipelineProblem): Diagnostic {
  const data: DiagnosticData = {};
  if (problem.fixes && problem.fixes.length > 0) data.fixes = problem.fixes;
  if (problem.utilsFixes) data.utilsFixes = problem.utilsFixes;
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

export interface ValidationHost {
  /** The document's text and version, or undefined once it is closed. */
  getDocument(uri: string): { text: string; version: number } | undefined;
  getSettings(uri: string): Promise<DockerfileSettings>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  logError(message: string, error: unknown): void;
  locale?: () => string | undefined;
  docsBaseUri?: string;
}

/** How long a burst of typing must pause before validating again: short, the target is 150 ms from key to squiggle. */
export const typingDebounceMs = 50;

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly settingsSeen = new Map<string, string>();
  private readonly lastStarted = new Map<string, number>();
  /** Per document, the version and settings last validated. */
  private readonly validated = new Map<string, string>();

  constructor(private readonly host: ValidationHost) {}

  /** On open: no delay, the user is waiting to see the state of the file. */
  validateNow(uri: string): Promise<void> {
    this.cancel(uri);
    return this.run(uri);
  }

  /**
   * While typing: the first keystroke after a pause is validated at once (leading edge), the following ones
   * once typing pauses for `typingDebounceMs` (trailing edge). A lone keystroke pays no debounce; a burst
   * costs at most one extra validation, whose result is dropped if the text has moved on.
   */
  validateSoon(uri: string): void {
    const quiet = !this.timers.has(uri) && Date.now() - (this.lastStarted.get(uri) ?? 0) > typingDebounceMs;
    this.cancel(uri);
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

  forget(uri: string): void {
    this.cancel(uri);
    this.settingsSeen.delete(uri);
    this.lastStarted.delete(uri);
    this.validated.delete(uri);
    this.host.publish(uri, []);
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
      // A burst's leading run may already have seen its last keystroke: the trailing run has nothing new.
      const subject = `${document.version} ${settingsJson}`;
      if (this.validated.get(uri) === subject) return;
      this.validated.set(uri, subject);
      this.settingsSeen.set(uri, settingsJson);
      const problems = await lintDockerfileAsync({
        text: document.text,
        settings,
        filePath: filePathOf(uri),
        locale: this.host.locale?.(),
        docsBaseUri: this.host.docsBaseUri,
        onRuleEngineError: (error) => this.host.logError(`Rule engine failed on ${uri}`, error),
      });
      // ShellCheck runs asynchronously: a newer edit may have arrived, and its own run will publish.
      if (this.host.getDocument(uri)?.version !== document.version) return;
      this.host.publish(uri, problems.map(toDiagnostic));
    } catch (error) {
      this.host.logError(`Validation failed on ${uri}`, error);
    }
  }
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
