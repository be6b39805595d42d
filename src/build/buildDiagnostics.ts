// A failed build becomes one diagnostic on the failing instruction's lines in the Dockerfile; the next
// successful build of that Dockerfile clears it. The collection is our own, so the linter's stay untouched.
import * as vscode from 'vscode';
import { locateFailure, outlineDockerfile, type FailureLocation } from './dockerfileOutline';

export class BuildDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('dockside-build');

  /** Puts the failure on its instruction (or on line 1 when the builder did not say which). */
  report(dockerfile: vscode.Uri, text: string, failure: FailureLocation & { message: string }, builder: 'classic' | 'buildkit', lastLines: readonly string[] = []): vscode.Diagnostic {
    const instruction = locateFailure(outlineDockerfile(text), failure, builder);
    const lines = text.split(/\r?\n/);
    const range = instruction
      ? new vscode.Range(instruction.startLine, 0, instruction.endLine, lines[instruction.endLine]?.length ?? 0)
      : new vscode.Range(0, 0, 0, lines[0]?.length ?? 0);
    // The command's own last words ("E: Unable to locate package x") say more than the builder's exit code.
    const said = lastLines.length ? `\n${lastLines.join('\n')}` : '';
    const diagnostic = new vscode.Diagnostic(range, vscode.l10n.t('Build failed: {0}', failure.message.trim()) + said, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'docker build';
    this.collection.set(dockerfile, [diagnostic]);
    return diagnostic;
  }

  clear(dockerfile: vscode.Uri): void {
    this.collection.delete(dockerfile);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
