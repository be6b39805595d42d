// The compose CLI's own check on save: `config -q` through the runner (an argument array, never a shell),
// debounced, the earlier run of the same project cancelled, only in a trusted workspace. Its error becomes a
// diagnostic of its own source ("compose config") on the line the CLI names, kept apart from the language
// server's spec diagnostics and cleared when the CLI accepts the file again. It only adds what the CLI is
// stricter about (interpolation of required variables, paths it resolves): it never hides a spec diagnostic,
// it does not repeat an error the spec check already shows on that line, and where an older CLI rejects a
// key the specification allows (docker-compose 1.29 and the top-level `name:`), it says so as a hint.
import * as vscode from 'vscode';
import { runCompose } from './composeCli';
import { locateCliError } from './composeKeyLocator';
import { errorSentence, parseErrorLocation, stripAnsi } from './composeOutput';
import { projectArgs, type ComposeProjectSpec } from './composeProject';
import { compareVersions, type ComposeService } from './composeService';
import { projectForFile } from './composeTargets';
import { configErrorKind, shouldCheckOnSave } from './configCheckPolicy';
import type { ProjectChoices } from './projectChoices';

export const CONFIG_CHECK_SETTING = 'dockside.compose.checkOnSave';
export const CONFIG_CHECK_SOURCE = 'compose config';
/** Saves closer together than this run the CLI once. */
const DEBOUNCE_MS = 400;
/** `config` reads files and the environment only; a CLI that takes longer than this is stopped. */
const TIMEOUT_MS = 20_000;

export class ComposeConfigCheck implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('dockside-compose-config');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly runs = new Map<string, AbortController>();
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];

  constructor(private readonly compose: ComposeService, private readonly choices: ProjectChoices, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(vscode.workspace.onDidSaveTextDocument((document) => this.saved(document)));
  }

  private saved(document: vscode.TextDocument): void {
    const enabled = vscode.workspace.getConfiguration('', document.uri).get<boolean>(CONFIG_CHECK_SETTING, true);
    if (!shouldCheckOnSave({ scheme: document.uri.scheme, languageId: document.languageId, path: document.uri.fsPath, trusted: vscode.workspace.isTrusted, enabled })) return;
    const spec = projectForFile(document.uri, this.choices);
    const key = spec.files.join('\n') || spec.directory;
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.check(key, spec, document.uri);
    }, DEBOUNCE_MS));
  }

  private async check(key: string, spec: ComposeProjectSpec, saved: vscode.Uri): Promise<void> {
    this.runs.get(key)?.abort();
    const controller = new AbortController();
    this.runs.set(key, controller);
    const timeout = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const cli = await this.compose.quietCli();
      if (!cli || controller.signal.aborted) return;
      const ansi = cli.version.generation === 'v2' || compareVersions(cli.version.version, '1.28.0') >= 0 ? ['--ansi', 'never'] : [];
      const result = await runCompose(cli, [...ansi, ...projectArgs(spec), 'config', '-q'], { cwd: spec.directory, signal: controller.signal });
      if (result.cancelled) return;
      for (const file of [...spec.files, saved.fsPath]) this.diagnostics.delete(vscode.Uri.file(file));
      if (result.code === 0) return;
      this.log.info(`${cli.label} config -q: ${stripAnsi(result.stderr).trim()}`);
      const diagnostic = await this.diagnosticOf(spec, result.stderr, saved, `${cli.label} ${cli.version.version}`);
      if (diagnostic) this.diagnostics.set(diagnostic.uri, [diagnostic.diagnostic]);
    } catch (error) {
      this.log.debug('The compose CLI check on save did not run', error);
    } finally {
      clearTimeout(timeout);
      if (this.runs.get(key) === controller) this.runs.delete(key);
    }
  }

  private async diagnosticOf(spec: ComposeProjectSpec, stderr: string, saved: vscode.Uri, cliName: string): Promise<{ uri: vscode.Uri; diagnostic: vscode.Diagnostic } | undefined> {
    const sentence = errorSentence(stderr) ?? stripAnsi(stderr).trim();
    const located = await locateCliError(spec, stderr, async (file) => (await vscode.workspace.openTextDocument(vscode.Uri.file(file))).getText());
    // Where the CLI names no line or key, the diagnostic sits on the first line of the file saved.
    const uri = located ? vscode.Uri.file(located.file) : saved;
    const range = located ? new vscode.Range(located.line, located.character, located.line, located.endCharacter) : new vscode.Range(0, 0, 0, 0);
    const specErrorOnLine = vscode.languages.getDiagnostics(uri).some((d) => d.source === 'compose' && d.range.start.line === range.start.line && d.severity === vscode.DiagnosticSeverity.Error);
    const kind = configErrorKind(specErrorOnLine, !!located && parseErrorLocation(stderr)?.unknownToCli === true);
    if (kind === 'skip') return undefined;
    const diagnostic = kind === 'hint'
      ? new vscode.Diagnostic(range, vscode.l10n.t('{0} does not know this, which the compose specification allows (compose v2 runs it): {1}', cliName, sentence), vscode.DiagnosticSeverity.Information)
      : new vscode.Diagnostic(range, vscode.l10n.t('{0} config: {1}', cliName, sentence), vscode.DiagnosticSeverity.Error);
    diagnostic.source = CONFIG_CHECK_SOURCE;
    return { uri, diagnostic };
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.runs.forEach((r) => r.abort());
    this.disposables.forEach((d) => d.dispose());
  }
}
