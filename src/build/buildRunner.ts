// Runs one build with live output (an output channel), step progress in a cancellable notification, and
// the Dockerfile diagnostic on failure (cleared by the next successful build).
import * as vscode from 'vscode';
import { formatBinarySize } from '../shared/byteSize';
import { StepOutput, stripAnsi } from './buildOutput';
import type { BuildFailure, Builder, BuildResult } from '../engine/build';
import type { EngineSession } from '../session/engineSession';
import type { BuildDiagnostics } from './buildDiagnostics';
import type { BuildChoices } from './buildPrompts';

export interface BuildOutcome extends Partial<BuildResult> {
  readonly ok: boolean;
  readonly builder: Builder;
  readonly durationMs: number;
  readonly diagnostic?: vscode.Diagnostic;
}

export class BuildRunner implements vscode.Disposable {
  private readonly output = vscode.window.createOutputChannel(vscode.l10n.t('Dockside Build'));

  constructor(
    private readonly session: EngineSession,
    private readonly diagnostics: BuildDiagnostics,
  ) {}

  async build(dockerfile: vscode.Uri, choices: BuildChoices, builderSetting: 'auto' | Builder): Promise<BuildOutcome> {
    const [engine, client] = await Promise.all([this.session.engine(), this.session.client()]);
    const builder = builderSetting === 'auto' ? await engine.preferredBuilder(client) : builderSetting;
    const title = this.session.titled(vscode.l10n.t('Building {0}', choices.tag || vscode.workspace.asRelativePath(dockerfile)));
    this.output.clear();
    this.output.show(true);
    this.output.appendLine(vscode.l10n.t('Building {0} with the {1} builder, context {2}', dockerfile.fsPath, builder === 'buildkit' ? 'BuildKit' : vscode.l10n.t('classic'), choices.contextDir));
    const started = Date.now();
    const stepOutput = new StepOutput();
    try {
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        let lastStep = 0;
        return engine.buildImage(
          client,
          { contextDir: choices.contextDir, dockerfile: dockerfile.fsPath, tag: choices.tag || undefined, buildArgs: choices.buildArgs, target: choices.target, noCache: choices.noCache, builder },
          (event) => {
            if (event.kind === 'log') {
              this.output.append(stripAnsi(event.text));
              stepOutput.append(event.text);
            } else if (event.kind === 'contextSent') progress.report({ message: vscode.l10n.t('Sent the context ({0})', formatBinarySize(event.bytes)) });
            else {
              stepOutput.stepStarted();
              const increment = event.total && event.current ? ((event.current - lastStep) / event.total) * 100 : undefined;
              lastStep = event.current ?? lastStep;
              progress.report({ message: event.total ? `${event.current}/${event.total}: ${event.instruction}` : event.instruction, increment });
            }
          },
          controller.signal,
        );
      });
      this.diagnostics.clear(dockerfile);
      this.output.appendLine(vscode.l10n.t('Built {0} in {1} s.', choices.tag || result.imageId, ((Date.now() - started) / 1000).toFixed(1)));
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Built {0}', choices.tag || result.imageId), 5000);
      return { ok: true, builder, durationMs: Date.now() - started, ...result };
    } catch (error) {
      if (!(error instanceof Error && 'instruction' in error && 'stepNumber' in error)) throw error;
      const failure = error as BuildFailure;
      const text = (await vscode.workspace.openTextDocument(dockerfile)).getText();
      const diagnostic = this.diagnostics.report(dockerfile, text, failure, builder, stepOutput.lastLines());
      this.output.appendLine(vscode.l10n.t('The build failed at line {0}.', diagnostic.range.start.line + 1));
      void this.explainFailure(dockerfile, diagnostic);
      return { ok: false, builder, durationMs: Date.now() - started, diagnostic };
    }
  }

  private async explainFailure(dockerfile: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<void> {
    const show = vscode.l10n.t('Show the Line');
    // The toast keeps to one paragraph: the failure and the command's last lines, joined.
    const message = diagnostic.message.split('\n').map((l) => l.trim()).filter(Boolean).join(' — ');
    const choice = await vscode.window.showErrorMessage(vscode.l10n.t('{0} (line {1})', message, diagnostic.range.start.line + 1), show);
    if (choice === show) await vscode.window.showTextDocument(dockerfile, { selection: diagnostic.range });
  }

  dispose(): void {
    this.output.dispose();
  }
}
