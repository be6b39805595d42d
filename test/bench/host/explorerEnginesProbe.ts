// Loaded in a fresh extension host by the several-engines benchmark (../explorerEngines.ts). Dockside is
// activated first by a command that shows no view (with two engines: pinning the second one); the page is
// tall enough for the Containers section to hold every row of both engines; then the view is opened as a click would: the time to the first row and to all rows of each engine, read in the page; then
// a container is created on each engine in turn and the time from the create call to its row is read.
import * as fs from 'node:fs';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { uiBridge } from '../../integration/support/uiBridge';
import { waitFor } from '../../integration/support/waitFor';
import { TEST_IMAGE } from '../../support/testEngine';

const CONTAINER = 'dockside';

/** One engine of the run: the socket the probe creates its event container on, and its rows' prefix. */
export interface ProbeEngine {
  readonly socket: string;
  readonly prefix: string;
  readonly count: number;
}

export interface EnginesProbeResults {
  readonly clickedAt: number;
  /** Per engine, in the order given: when its first row and when all its rows were in the page. */
  readonly engines: readonly { readonly prefix: string; readonly firstRowAt: number; readonly allRowsAt: number; readonly eventToRowMs: number }[];
}

export async function run(): Promise<void> {
  if (!uiBridge.available) throw new Error('the engines benchmark reads the page: run it under the code-server launcher');
  const engines = JSON.parse(process.env.DOCKSIDE_BENCH_ENGINES!) as ProbeEngine[];
  const pin = process.env.DOCKSIDE_BENCH_PIN;
  await new Promise((r) => setTimeout(r, 1500));
  if (pin) await vscode.commands.executeCommand('dockside.engines.pin', { kind: 'engine', id: `host:${pin}`, candidate: { id: `host:${pin}`, kind: 'added', label: 'second', host: pin, current: false } });
  else await vscode.commands.executeCommand('dockside.engines.refresh');
  // The stream the activation opened for a view about to show closes after its grace: the click starts cold reads.
  const api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
  await waitFor('the warm-up stream to close', () => !api.explorerStreaming(), 30_000, 100);
  const waits = engines.map((e) => Promise.all([
    uiBridge.waitForViewRow(CONTAINER, 'Containers', [e.prefix], { timeoutMs: 60_000 }),
    uiBridge.waitForViewRow(CONTAINER, 'Containers', [e.prefix], { minSetSize: e.count, timeoutMs: 60_000 }),
  ]));
  await new Promise((r) => setTimeout(r, 100));
  const clickedAt = Date.now();
  await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
  const painted = await Promise.all(waits).catch(async (error: Error) => {
    // Say what the page showed instead, for a run that did not paint.
    throw new Error(`${error.message}; the Containers view shows ${JSON.stringify((await uiBridge.allViewRows(CONTAINER, 'Containers')).slice(0, 5))}, "${await uiBridge.welcomeText(CONTAINER)}"`);
  });
  const results: EnginesProbeResults['engines'][number][] = [];
  for (const [i, e] of engines.entries()) {
    await new Promise((r) => setTimeout(r, 500));
    const docker = new Docker({ socketPath: e.socket });
    // Sorted first under its engine, so its row is on screen.
    const name = `0-${e.prefix}event`;
    const row = uiBridge.waitForViewRow(CONTAINER, 'Containers', [name], { timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 50));
    const from = Date.now();
    const created = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
    const at = await row;
    await created.remove({ force: true });
    results.push({ prefix: e.prefix, firstRowAt: painted[i][0], allRowsAt: painted[i][1], eventToRowMs: at - from });
  }
  fs.writeFileSync(process.env.DOCKSIDE_BENCH_RESULTS!, JSON.stringify({ clickedAt, engines: results } satisfies EnginesProbeResults));
}
