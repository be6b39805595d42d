// Loaded in the extension host by the activation benchmark: activates Dockside once and times it.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
  if (!ext) throw new Error('Dockside is not installed in this host');
  if (ext.isActive) throw new Error('Dockside was already active: the benchmark workspace must not trigger activation');
  const start = performance.now();
  const api = await ext.activate();
  const activateMs = performance.now() - start;
  await new Promise<void>((resolve) => {
    if (api.engineState().kind === 'connected') return resolve();
    const sub = api.onDidChangeEngineState((s) => {
      if (s.kind !== 'connecting') {
        sub.dispose();
        resolve();
      }
    });
  });
  const connectedMs = performance.now() - start;
  fs.writeFileSync(process.env.DOCKSIDE_BENCH_RESULTS!, JSON.stringify({ activateMs, connectedMs, own: api.activationTiming }));
}
