// Runs inside VS Code's extension host (code-server), started by test/bench/language.ts: opens a large
// Dockerfile and types into one RUN body, timing each keystroke from the edit to the first diagnostics that
// reflect it, with ShellCheck on. Every edit makes the body new (ShellCheck has no cached result and must
// run), so this is the path where the fast diagnostics must not wait for ShellCheck:
// - even rounds put ``cd /dN; echo `:`; `` in front of the body: hadolint's DL3003 (a pure rule) appears in
//   the fast step, ShellCheck's SC2006 (legacy backticks; unlike SC2164 it does not depend on `set -e`) once
//   ShellCheck has run;
// - odd rounds turn it into `: /dN; echo $(:); `: both go away.
// "first" is the edit until DL3003 shows the new state; "complete" until SC2006 does too. Writes the
// samples to DOCKSIDE_BENCH_RESULTS.
import * as fs from 'node:fs';
import * as vscode from 'vscode';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

export async function run(): Promise<void> {
  const file = process.env.DOCKSIDE_BENCH_DOCKERFILE;
  const results = process.env.DOCKSIDE_BENCH_RESULTS;
  if (!file || !results) throw new Error('DOCKSIDE_BENCH_DOCKERFILE and DOCKSIDE_BENCH_RESULTS must be set');
  const rounds = Number(process.env.DOCKSIDE_BENCH_EDITS ?? 30);

  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document);
  const firstDiagnosticsMs = await timeUntil(document.uri, () => vscode.languages.getDiagnostics(document.uri).length > 0, 60_000);

  // A plain shell-form RUN (no JSON form, heredoc or flags): its body starts right after `RUN `.
  const line = document.getText().split('\n').findIndex((text) => /^RUN [a-z]/.test(text) && !text.includes('<<'));
  if (line < 0) throw new Error('no shell-form RUN line in the benchmark Dockerfile');
  const onLine = (id: string) => vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === id && d.range.start.line === line);
  // ShellCheck must have run on the file before the first edit, or the first rounds would wait for it.
  await timeUntil(document.uri, () => vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'shellcheck'), 60_000)
    .catch(() => undefined);

  const first: number[] = [];
  const complete: number[] = [];
  /** From the edit until the extension host hears of the changed text: the editor's own share of a keystroke. */
  const applied: number[] = [];
  const warmUp = 6;
  let prefix = '';
  for (let round = 0; round < warmUp + rounds; round++) {
    const withCd = round % 2 === 0;
    const next = withCd ? `cd /d${round}; echo \`:\`; ` : `: /d${round}; echo $(:); `;
    const editStart = Date.now();
    const changedText = new Promise<number>((resolve) => {
      const listener = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() !== document.uri.toString()) return;
        listener.dispose();
        resolve(Date.now() - editStart);
      });
    });
    const fast = timeUntil(document.uri, () => onLine('DL3003') === withCd, 10_000);
    const full = timeUntil(document.uri, () => onLine('DL3003') === withCd && onLine('SC2006') === withCd, 20_000);
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 4, line, 4 + prefix.length), next));
    prefix = next;
    const [fastMs, fullMs] = await Promise.all([fast, full]).catch((error: Error) => {
      const seen = vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.start.line === line).map(codeOf);
      const notes = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'dockside').map((d) => d.message);
      throw new Error(`${error.message} after edit ${round} (line ${line + 1} has: ${seen.join(', ') || 'nothing'}; ${notes.join(' ')})`);
    });
    if (round >= warmUp) {
      first.push(fastMs);
      complete.push(fullMs);
      applied.push(await changedText);
    }
    // A short pause, as between a typist's keystrokes once ShellCheck has answered.
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await vscode.commands.executeCommand('workbench.action.files.revert');
  fs.writeFileSync(results, JSON.stringify({ firstDiagnosticsMs, samples: first, complete, applied }));
}

/**
 * Milliseconds until `holds()` is true. The extension host debounces onDidChangeDiagnostics by 50 ms (it
 * merges changes), which would add up to 50 ms and hide the fast step behind ShellCheck's when both come
 * within that time; so the diagnostics are also read every 2 ms (getDiagnostics sees a publication as soon as
 * the language client has applied it, as the editor's squiggles do).
 */
function timeUntil(uri: vscode.Uri, holds: () => boolean, timeoutMs: number): Promise<number> {
  const start = Date.now();
  if (holds()) return Promise.resolve(0);
  return new Promise((resolve, reject) => {
    const done = (outcome: () => void) => {
      clearTimeout(timer);
      clearInterval(poll);
      listener.dispose();
      outcome();
    };
    const check = () => {
      if (holds()) done(() => resolve(Date.now() - start));
    };
    const timer = setTimeout(() => done(() => reject(new Error(`no matching diagnostics within ${timeoutMs} ms`))), timeoutMs);
    const poll = setInterval(check, 2);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
  });
}
