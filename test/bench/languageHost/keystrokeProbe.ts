// Runs inside VS Code's extension host (code-server), started by test/bench/language.ts: opens a large
// Dockerfile, then types edits that make a problem appear and disappear, timing each from the edit to
// VS Code's diagnostics change event for the file. Writes the samples to DOCKSIDE_BENCH_RESULTS.
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const file = process.env.DOCKSIDE_BENCH_DOCKERFILE;
  const results = process.env.DOCKSIDE_BENCH_RESULTS;
  if (!file || !results) throw new Error('DOCKSIDE_BENCH_DOCKERFILE and DOCKSIDE_BENCH_RESULTS must be set');
  const rounds = Number(process.env.DOCKSIDE_BENCH_EDITS ?? 20);

  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document);
  const hasUnknown = () =>
    vscode.languages.getDiagnostics(document.uri).some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'unknownInstruction');
  const firstDiagnosticsMs = await timeUntil(document.uri, () => vscode.languages.getDiagnostics(document.uri).length > 0, 60_000);

  const line = document.getText().split('\n').findIndex((text) => text.startsWith('RUN '));
  const samples: number[] = [];
  const warmUp = 5;
  for (let round = 0; round < warmUp + rounds; round++) {
    // One keystroke: RUN ↔ RUM at the start of a line, which adds or removes an "unknown instruction".
    const typo = round % 2 === 0;
    const start = Date.now();
    const changed = timeUntil(document.uri, () => hasUnknown() === typo, 10_000);
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 2, line, 3), typo ? 'M' : 'N'));
    await changed;
    if (round >= warmUp) samples.push(Date.now() - start);
  }
  await vscode.commands.executeCommand('workbench.action.files.revert');
  fs.writeFileSync(results, JSON.stringify({ firstDiagnosticsMs, samples }));
}

/** Milliseconds until `holds()` is true, checked on each diagnostics change of `uri`. */
function timeUntil(uri: vscode.Uri, holds: () => boolean, timeoutMs: number): Promise<number> {
  const start = Date.now();
  if (holds()) return Promise.resolve(0);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no matching diagnostics within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString()) || !holds()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(Date.now() - start);
    });
  });
}
