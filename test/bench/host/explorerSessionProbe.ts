// Loaded in a new extension host by the working-session benchmark (../explorerSession.ts). It plays a short
// working session at a person's pace while the runner's proxy counts every request Dockside sends: open the
// Dockside views, `docker run` 20 containers (from outside, as a terminal would), stop them from Dockside,
// `docker rm -f` them, open a shell and type in it, follow a container's logs, close the terminals, and sit
// idle for a while. It writes the session's start and end; the runner counts what lies between.
import * as fs from 'node:fs';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import type { DocksideApi } from '../../../src/extension';
import { terminalScreen } from '../../integration/support/terminalScreen';
import { uiBridge } from '../../integration/support/uiBridge';
import { waitFor } from '../../integration/support/waitFor';
import { TEST_IMAGE } from '../../support/testEngine';

const CONTAINER = 'dockside';
/** The pause between two of the person's actions. */
const PACE_MS = 1000;
const IDLE_MS = 15_000;

export interface SessionProbeResults {
  readonly from: number;
  readonly to: number;
  /** When each phase of the session began, for the breakdown. */
  readonly phases: readonly { readonly phase: string; readonly at: number }[];
}

const pause = (ms = PACE_MS) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
  if (!ext) throw new Error('Dockside is not installed in this host');
  if (!uiBridge.available) throw new Error('the session benchmark reads the page: run it under the code-server launcher');
  const docker = new Docker({ socketPath: process.env.DOCKSIDE_BENCH_ENGINE_SOCKET! });
  const prefix = 'session';
  const phases: { phase: string; at: number }[] = [];
  // The tree's own node for a container, read past the proxy (the probe's reads are not the session's).
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: `unix://${process.env.DOCKSIDE_BENCH_ENGINE_SOCKET!}` } }));
  const node = async (id: string) => ({ kind: 'container', id, container: (await client.listContainers({ id: [id] }))[0] });
  const progress = `${process.env.DOCKSIDE_BENCH_RESULTS!}.progress`;
  const phase = (name: string) => {
    phases.push({ phase: name, at: Date.now() });
    fs.appendFileSync(progress, `${new Date().toISOString()} ${name}\n`);
  };
  await pause(1500);
  const from = Date.now();
  phase('open the views');
  await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
  const api = await ext.activate();
  await waitFor('the engine to connect', () => api.engineState().kind === 'connected', 30_000);
  await pause(3 * PACE_MS);

  phase('run 20 containers');
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    const c = await docker.createContainer({ name: `${prefix}-${String(i).padStart(2, '0')}`, Image: TEST_IMAGE, Cmd: ['sh', '-c', 'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo "line $i"; sleep 1; done'], HostConfig: { NetworkMode: 'none' } });
    await c.start();
    ids.push(c.id);
    await pause();
  }
  await uiBridge.waitForViewRow(CONTAINER, 'Containers', [`${prefix}-`], { minSetSize: 20, timeoutMs: 30_000 });

  phase('open a shell');
  const terminals = terminalScreen(() => api);
  await vscode.commands.executeCommand('dockside.containers.openShell', await node(ids[0]));
  const shell = await terminals.terminalNamed(new RegExp(`^${prefix}-00: sh$`));
  shell.show();
  await terminals.waitForScreen(shell, /\/ #/, 'the shell prompt');
  for (const line of ['ls /', 'echo $((6*7))', 'ps']) {
    await terminals.type(shell, line);
    await pause();
  }
  await terminals.waitForScreen(shell, /^42\s*$/m, '42 on its own line');

  phase('follow logs');
  await vscode.commands.executeCommand('dockside.containers.followLogs', await node(ids[1]));
  const logs = await terminals.terminalNamed(new RegExp(`^Logs: ${prefix}-01$`));
  logs.show();
  await terminals.waitForScreen(logs, /line 3/, 'a few log lines');
  await pause(5 * PACE_MS);
  phase('close the terminals');
  vscode.window.terminals.forEach((t) => t.dispose());
  await pause();

  phase('stop 20 containers from Dockside');
  for (let i = 0; i < 20; i++) {
    await vscode.commands.executeCommand('dockside.containers.stop', await node(ids[i]));
    await pause();
  }
  await waitFor('every container stopped', async () => (await docker.listContainers({ filters: JSON.stringify({ name: [`${prefix}-`], status: ['running'] }) })).length === 0, 60_000);
  // What the user sees: a session that sent fewer requests by missing changes would be no gain.
  await waitFor('every row to say Exited', async () => {
    const rows = (await uiBridge.allViewRows(CONTAINER, 'Containers')).filter((r) => r.label.startsWith(`${prefix}-`));
    return rows.length === 20 && rows.every((r) => r.description.includes('Exited'));
  }, 30_000);

  phase('docker rm -f the 20');
  for (const id of ids) {
    await docker.getContainer(id).remove({ force: true });
    await pause();
  }
  await uiBridge.waitForViewRowGone(CONTAINER, 'Containers', `${prefix}-19`);

  phase('idle');
  await pause(IDLE_MS);
  const to = Date.now();
  fs.writeFileSync(process.env.DOCKSIDE_BENCH_RESULTS!, JSON.stringify({ from, to, phases } satisfies SessionProbeResults));
}
