// Loaded in the extension host by the terminals benchmark (../terminals.ts): opens a Dockside shell terminal
// into a running test container, waits for the prompt in the page, and has the launcher press keys in the
// page and time, in the page, each key until its echo is in the terminal's rendered rows (the UI bridge's
// terminalEchoLatency). Writes the samples to DOCKSIDE_BENCH_RESULTS.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { uiBridge } from '../../integration/support/uiBridge';
import { waitFor } from '../../integration/support/waitFor';
import { createTestContainer, testDocker, testName } from '../../support/testEngine';

export interface TerminalEchoProbeResults {
  readonly samples: { keydownToRowMs: number; eventTimestampToRowMs: number }[];
  readonly renderer: { domRows: number; canvases: string[] };
  readonly settings: { gpuAcceleration: unknown; localEchoEnabled: unknown };
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
  if (!ext) throw new Error('Dockside is not installed in this host');
  if (!uiBridge.available) throw new Error('the terminal echo benchmark presses keys in the page: run it under the code-server launcher');
  const keys = process.env.DOCKSIDE_BENCH_ECHO_KEYS;
  const wordLength = Number(process.env.DOCKSIDE_BENCH_ECHO_WORD ?? 10);
  if (!keys) throw new Error('DOCKSIDE_BENCH_ECHO_KEYS is not set');
  const api = await ext.activate();
  await waitFor('the engine to connect', () => api.engineState().kind === 'connected', 30_000);
  const docker = testDocker();
  const name = testName('benchecho-vscode');
  const container = await createTestContainer(docker, { name });
  try {
    await vscode.commands.executeCommand('dockside.containers.openShell', { container: { id: container.id, name, state: 'running' } });
    const terminal = await waitFor('the shell terminal', () => vscode.window.terminals.find((t) => t.name === `${name}: sh`));
    terminal.show();
    await waitFor('the prompt in the page', async () => /\/ #/.test(await uiBridge.terminalText()), 30_000, 20);
    const measured = await uiBridge.terminalEchoLatency({ keys, prompt: '/ # ', wordLength });
    await uiBridge.screenshot('bench-terminal-echo');
    const terminalSettings = vscode.workspace.getConfiguration('terminal.integrated');
    const results: TerminalEchoProbeResults = {
      ...measured,
      settings: { gpuAcceleration: terminalSettings.get('gpuAcceleration'), localEchoEnabled: terminalSettings.get('localEchoEnabled') },
    };
    fs.writeFileSync(process.env.DOCKSIDE_BENCH_RESULTS!, JSON.stringify(results));
  } finally {
    vscode.window.terminals.forEach((t) => t.dispose());
    await container.remove({ force: true }).catch(() => undefined);
  }
}
