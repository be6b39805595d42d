// Runs compose commands for the editor: finds the CLI (once, again when the setting changes), shows each run
// as a cancellable progress naming the service being worked on, writes the output (ANSI removed) to one
// output channel per project, and turns a failure into one sentence with "Show Output" and, where the CLI
// names a position or a key, a diagnostic on the compose file.
import * as vscode from 'vscode';
import { findComposeCli, runCompose, type ComposeCli, type RunResult } from './composeCli';
import { locateCliError } from './composeKeyLocator';
import { errorSentence, parseProgressLine, stripAnsi } from './composeOutput';
import { defaultProjectName, projectArgs, type ComposeProjectSpec } from './composeProject';

export const COMPOSE_COMMAND_SETTING = 'dockside.compose.command';

/** A failed run, already shown to the user: the command wrapper logs it and shows nothing more. */
export class ComposeRunFailed extends Error {
  constructor(message: string, readonly result: RunResult) {
    super(message);
  }
}

export interface ComposeRun {
  readonly spec: ComposeProjectSpec;
  /** The subcommand and its options: `up -d --build web`. */
  readonly args: readonly string[];
  /** For the progress title: "Up", "Restarting web". */
  readonly title: string;
  /** Runs without a notification (quick reads such as `config --services`). */
  readonly quiet?: boolean;
}

export class ComposeService implements vscode.Disposable {
  private cli?: Promise<{ cli?: ComposeCli; tried: string[] }>;
  private readonly channels = new Map<string, vscode.OutputChannel>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('dockside-compose-cli');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(COMPOSE_COMMAND_SETTING)) this.cli = undefined;
    }));
  }

  /** The CLI to use; a clear error naming what was tried and how to get one when none answers. */
  async composeCli(): Promise<ComposeCli> {
    const configured = vscode.workspace.getConfiguration().get<string>(COMPOSE_COMMAND_SETTING)?.trim() || undefined;
    this.cli ??= findComposeCli(configured);
    const { cli, tried } = await this.cli;
    if (cli) return cli;
    this.cli = undefined;
    const action = vscode.l10n.t('Open Settings');
    const message = configured
      ? vscode.l10n.t('The compose command "{0}" (setting dockside.compose.command) did not answer "version".', configured)
      : vscode.l10n.t('No compose CLI found (tried {0}). Install Docker Compose v2 (the docker-compose-plugin or docker-compose-v2 package) or v1 (the docker-compose package), or set dockside.compose.command.', tried.join(', '));
    void vscode.window.showErrorMessage(message, action).then((choice) => {
      if (choice === action) void vscode.commands.executeCommand('workbench.action.openSettings', COMPOSE_COMMAND_SETTING);
    });
    throw new ComposeRunFailed(message, { code: -1, stdout: '', stderr: '', cancelled: false });
  }

  /** The CLI, or undefined without a word to the user: for background checks (a missing CLI is said when a command runs). */
  async quietCli(): Promise<ComposeCli | undefined> {
    const configured = vscode.workspace.getConfiguration().get<string>(COMPOSE_COMMAND_SETTING)?.trim() || undefined;
    this.cli ??= findComposeCli(configured);
    const { cli } = await this.cli;
    if (!cli) this.cli = undefined;
    return cli;
  }

  channel(spec: ComposeProjectSpec): vscode.OutputChannel {
    const name = spec.name ?? defaultProjectName(spec.directory);
    let channel = this.channels.get(name);
    if (!channel) {
      channel = vscode.window.createOutputChannel(vscode.l10n.t('Compose: {0}', name));
      this.channels.set(name, channel);
    }
    return channel;
  }

  /** Runs a compose command with progress; resolves with its output, throws ComposeRunFailed when it fails. */
  async run(run: ComposeRun, token?: vscode.CancellationToken): Promise<RunResult> {
    const cli = await this.composeCli();
    const args = [...(cli.version.generation === 'v2' || compareVersions(cli.version.version, '1.28.0') >= 0 ? ['--ansi', 'never'] : []), ...projectArgs(run.spec), ...run.args];
    const channel = this.channel(run.spec);
    channel.appendLine(vscode.l10n.t('{0} (compose {1}, {2})', `$ ${cli.label} ${args.map(quoteForDisplay).join(' ')}`, cli.version.generation, cli.version.version));
    const execute = async (report: (message: string) => void, cancel: vscode.CancellationToken | undefined) => {
      const controller = new AbortController();
      const subscription = cancel?.onCancellationRequested(() => controller.abort());
      try {
        return await runCompose(cli, args, {
          cwd: run.spec.directory,
          signal: controller.signal,
          onLine: (line) => {
            const clean = stripAnsi(line);
            if (clean.trim()) channel.appendLine(clean);
            const step = parseProgressLine(clean);
            if (step) report(`${step.action} ${step.subject}`);
          },
        });
      } finally {
        subscription?.dispose();
      }
    };
    const result = run.quiet
      ? await execute(() => undefined, token)
      : await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Compose {0}: {1}', run.spec.name ?? defaultProjectName(run.spec.directory), run.title), cancellable: true },
          (progress, cancel) => execute((message) => progress.report({ message }), cancel),
        );
    channel.appendLine(result.cancelled ? vscode.l10n.t('(cancelled)') : vscode.l10n.t('(exit code {0})', result.code));
    this.clearDiagnostics(run.spec);
    if (result.cancelled) throw new vscode.CancellationError();
    if (result.code !== 0) this.fail(run, result, channel);
    return result;
  }

  private fail(run: ComposeRun, result: RunResult, channel: vscode.OutputChannel): never {
    const sentence = errorSentence(result.stderr) ?? vscode.l10n.t('exit code {0}', result.code);
    const message = vscode.l10n.t('Compose {0} failed: {1}', run.title, sentence);
    this.log.error(`${message}\n${stripAnsi(result.stderr)}`);
    void this.placeDiagnostic(run.spec, result.stderr, sentence);
    const show = vscode.l10n.t('Show Output');
    void vscode.window.showErrorMessage(message, show).then((choice) => {
      if (choice === show) channel.show(true);
    });
    throw new ComposeRunFailed(message, result);
  }

  private clearDiagnostics(spec: ComposeProjectSpec): void {
    for (const file of spec.files) this.diagnostics.delete(vscode.Uri.file(file));
  }

  /** A diagnostic where the CLI says the problem is (a line, or a key path found in the file). */
  private async placeDiagnostic(spec: ComposeProjectSpec, stderr: string, sentence: string): Promise<void> {
    try {
      const located = await locateCliError(spec, stderr, async (file) => (await vscode.workspace.openTextDocument(vscode.Uri.file(file))).getText());
      if (!located) return;
      const range = new vscode.Range(located.line, located.character, located.line, located.endCharacter);
      const diagnostic = new vscode.Diagnostic(range, sentence, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'compose CLI';
      this.diagnostics.set(vscode.Uri.file(located.file), [diagnostic]);
    } catch (error) {
      this.log.debug('The compose CLI error could not be placed in the file', error);
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.channels.forEach((c) => c.dispose());
  }
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((n) => parseInt(n, 10) || 0);
  const pb = b.split(/[.+-]/).map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
