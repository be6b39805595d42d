// Loaded in the extension host by the explorer benchmark (../explorer.ts): drives the engine directly,
// reads the rows from the page through the UI bridge, and writes what it measured.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { uiBridge } from '../../integration/support/uiBridge';
import { waitFor } from '../../integration/support/waitFor';
import { TEST_IMAGE, TEST_LABEL, testDocker } from '../../support/testEngine';
import type { ExplorerProbeResults } from '../explorer';

const CONTAINER = 'dockside';
const docker = testDocker();
const prefix = `dockside-test-bench-${process.pid}`;
const showDockside = () => vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
const hideDockside = () => vscode.commands.executeCommand('workbench.view.explorer');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
  if (!ext) throw new Error('Dockside is not installed in this host');
  if (!uiBridge.available) throw new Error('the explorer benchmark reads the page: run it under the code-server launcher');
  const api = await ext.activate();
  await vscode.workspace.getConfiguration('dockside').update('engine.host', process.env.DOCKSIDE_BENCH_ENGINE_HOST, vscode.ConfigurationTarget.Global);
  await showDockside();
  await waitFor('the proxied engine', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === process.env.DOCKSIDE_BENCH_ENGINE_HOST, 30_000);
  await waitFor('the event stream', () => api.explorerStreaming(), 30_000);
  try {
    const results: ExplorerProbeResults = {
      latencies: await measureLatency(20),
      idle: await measureIdle(),
      bulk: await measureBulk(api, 1000),
      privateIdle: await measureQuietIdle(api),
    };
    fs.writeFileSync(process.env.DOCKSIDE_BENCH_RESULTS!, JSON.stringify(results));
  } finally {
    await removeBenchResources();
  }
}

/** Starts containers one by one and times the engine's start → the row saying "Up" in the page. */
async function measureLatency(samples: number): Promise<ExplorerProbeResults['latencies']> {
  const latencies = [];
  for (let i = 0; i < samples; i++) {
    const name = `${prefix}-start-${i}`;
    const container = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['sleep', '600'], Labels: { [TEST_LABEL]: 'true' } });
    await uiBridge.waitForViewRow(CONTAINER, 'Containers', [name, 'Created']);
    const rowShown = uiBridge.waitForViewRow(CONTAINER, 'Containers', [name, ' Up ']);
    await pause(50); // let the page start watching before the engine acts
    const called = Date.now();
    await container.start();
    const rowAt = await rowShown;
    const startedAt = Date.parse((await container.inspect()).State.StartedAt);
    latencies.push({ eventToRowMs: rowAt - startedAt, startCallToRowMs: rowAt - called });
    await container.remove({ force: true });
  }
  return latencies;
}

/** Keeps the views visible and still for a minute; the proxy counts what the extension sends meanwhile. */
async function measureIdle(): Promise<ExplorerProbeResults['idle']> {
  await pause(2000); // let the last removals settle
  const events = (await docker.getEvents({})) as NodeJS.ReadableStream & { destroy(): void };
  let eventsSeen = 0;
  events.on('data', (chunk: Buffer) => (eventsSeen += chunk.toString().split('\n').filter((l) => l.trim()).length));
  const from = Date.now();
  await pause(Number(process.env.DOCKSIDE_BENCH_IDLE_MS ?? 60_000));
  const to = Date.now();
  events.destroy();
  return { from, to, eventsSeen };
}

/** The same idle minute on a private engine (its own proxy): nothing else can cause events there. */
async function measureQuietIdle(api: DocksideApi): Promise<ExplorerProbeResults['privateIdle']> {
  const host = process.env.DOCKSIDE_BENCH_QUIET_ENGINE_HOST;
  await vscode.workspace.getConfiguration('dockside').update('engine.host', host, vscode.ConfigurationTarget.Global);
  await showDockside();
  await waitFor('the private engine', () => api.engineState().kind === 'connected' && api.engineState().endpoint?.host === host, 30_000);
  await waitFor('the event stream on it', () => api.explorerStreaming(), 30_000);
  await pause(2000); // the first full read after connecting
  const from = Date.now();
  await pause(Number(process.env.DOCKSIDE_BENCH_IDLE_MS ?? 60_000));
  return { from, to: Date.now() };
}

/** Creates `count` containers (not started) and `count` image tags while the views are hidden, then times
 * opening the Dockside view until both trees hold them. */
async function measureBulk(api: DocksideApi, count: number): Promise<ExplorerProbeResults['bulk']> {
  await hideDockside();
  await waitFor('the event stream to close', () => !api.explorerStreaming(), 30_000);
  const image = docker.getImage(TEST_IMAGE);
  await inBatches(count, 8, (i) => docker.createContainer({ name: `${prefix}-bulk-${String(i).padStart(4, '0')}`, Image: TEST_IMAGE, Cmd: ['true'], Labels: { [TEST_LABEL]: 'true' } }));
  await inBatches(count, 8, (i) => image.tag({ repo: `${prefix}-img-${String(i).padStart(4, '0')}`, tag: 'latest' }));
  const opened = Date.now();
  const containersShown = uiBridge.waitForViewRow(CONTAINER, 'Containers', [`${prefix}-bulk-`], { minSetSize: count, timeoutMs: 120_000 });
  const imagesShown = uiBridge.waitForViewRow(CONTAINER, 'Images', [`${prefix}-img-`], { minSetSize: count, timeoutMs: 120_000 });
  await showDockside();
  const [containersAt, imagesAt] = await Promise.all([containersShown, imagesShown]);
  await uiBridge.screenshot('bench-explorer-1000');
  return { containers: count, images: count, containersMs: containersAt - opened, imagesMs: imagesAt - opened };
}

async function inBatches(count: number, parallel: number, work: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < count; i += parallel) {
    await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, k) => work(i + k)));
  }
}

async function removeBenchResources(): Promise<void> {
  await hideDockside();
  const containers = await docker.listContainers({ all: true, filters: JSON.stringify({ name: [prefix] }) });
  await inBatches(containers.length, 8, (i) => docker.getContainer(containers[i].Id).remove({ force: true }).catch(() => undefined));
  const tags = (await docker.getImage(TEST_IMAGE).inspect()).RepoTags.filter((t) => t.startsWith(prefix));
  await inBatches(tags.length, 8, (i) => docker.getImage(tags[i]).remove().catch(() => undefined));
}
