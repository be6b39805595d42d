// Loaded in the extension host by ./index.ts: sets up a small, realistic scene (a compose project "shop"
// with three running services writing logs, one stopped container, a Dockerfile with findings, a logs
// terminal) and photographs the workbench for the README; then the project's compose file with its code
// lenses beside the project group. Everything it creates carries the test label
// and is removed at the end; the only published port is on 127.0.0.1.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type Docker from 'dockerode';
import type { DocksideApi } from '../../src/extension';
import { TEST_IMAGE, TEST_LABEL, testDocker } from '../support/testEngine';
import { uiBridge } from '../integration/support/uiBridge';
import { waitFor } from '../integration/support/waitFor';

const STAMP = `date '+%Y-%m-%dT%H:%M:%S'`;

const services: { name: string; service?: string; cmd: string; port?: number; stopped?: boolean }[] = [
  {
    name: 'shop-web-1',
    service: 'web',
    port: 8080,
    cmd: `mkdir -p /www && echo shop > /www/index.html && httpd -p 8080 -h /www
paths="/ /products /products/42 /cart /static/app.js /checkout"
while true; do for p in $paths; do
  echo "10.0.0.1 - - [$(date '+%d/%b/%Y:%H:%M:%S +0000')] \\"GET $p HTTP/1.1\\" 200 $((RANDOM % 4000 + 300))"
  sleep 2
done; done`,
  },
  {
    name: 'shop-api-1',
    service: 'api',
    cmd: `echo "$(${STAMP}) INFO  shop-api listening on :3000"
echo "$(${STAMP}) INFO  connected to postgres://db:5432/shop"
n=0
while true; do
  n=$((n + 1)); i=0
  while [ $i -lt 15000 ]; do i=$((i + 1)); done
  ms=$((RANDOM % 80 + 4))
  case $((n % 6)) in
    0) echo "$(${STAMP}) INFO  GET  /api/products 200 \${ms}ms" ;;
    1) echo "$(${STAMP}) INFO  GET  /api/products/42 200 \${ms}ms" ;;
    2) echo "$(${STAMP}) INFO  POST /api/cart 201 \${ms}ms" ;;
    3) echo "$(${STAMP}) INFO  GET  /api/cart 200 \${ms}ms" ;;
    4) echo "$(${STAMP}) WARN  POST /api/checkout 409 \${ms}ms stock changed for sku 42" ;;
    5) echo "$(${STAMP}) INFO  GET  /api/health 200 1ms" ;;
  esac
  sleep 1
done`,
  },
  {
    name: 'shop-db-1',
    service: 'db',
    cmd: `echo "$(${STAMP}) LOG:  database system is ready to accept connections"
while true; do
  sleep 6
  echo "$(${STAMP}) LOG:  checkpoint starting: time"
  echo "$(${STAMP}) LOG:  checkpoint complete: wrote $((RANDOM % 40 + 3)) buffers"
done`,
  },
  { name: 'scratchpad', stopped: true, cmd: `echo "notes saved"` },
];

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
  if (!ext) throw new Error('Dockside is not installed in this host');
  const api = await ext.activate();
  const docker = testDocker();
  const config = vscode.workspace.getConfiguration('dockside');
  try {
    await removeScene(docker);
    for (const s of services) await createContainer(docker, s);
    await config.update('containers.showUsage', true, vscode.ConfigurationTarget.Global);

    // Close what the workbench opened by itself, then lay it out.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.view.extension.dockside');
    await waitFor('the engine to connect', () => api.engineState().kind === 'connected', 30_000);

    const folder = vscode.workspace.workspaceFolders![0].uri;
    const dockerfile = vscode.Uri.joinPath(folder, 'api', 'Dockerfile');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dockerfile), { preview: false });
    // A sidebar wide enough for the rows' descriptions (CPU, memory, image, uptime, ports): narrowing the
    // focused editor widens the sidebar (focusing the sidebar first is not reliable).
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    for (let i = 0; i < Number(process.env.DOCKSIDE_SHOT_WIDEN ?? 4); i++) {
      await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    }
    await waitFor('the Dockerfile findings', () => vscode.languages.getDiagnostics(dockerfile).length > 0, 30_000);

    const apiContainer = docker.getContainer('shop-api-1');
    const apiInfo = await apiContainer.inspect();
    await vscode.commands.executeCommand('dockside.containers.followLogs', { container: { id: apiInfo.Id, name: 'shop-api-1', state: 'running' } });
    await waitFor('the logs terminal', () => vscode.window.terminals.some((t) => t.name === 'Logs: shop-api-1'), 15_000);
    vscode.window.terminals.find((t) => t.name === 'Logs: shop-api-1')!.show(true);
    for (let i = 0; i < Number(process.env.DOCKSIDE_SHOT_PANEL_SHRINK ?? 0); i++) {
      await vscode.commands.executeCommand('workbench.action.focusPanel');
      await vscode.commands.executeCommand('workbench.action.decreaseViewSize').then(undefined, () => undefined);
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dockerfile), { preview: false });

    await waitFor('CPU figures in the rows of all three services', async () => {
      const rows = await uiBridge.viewRows('dockside', 'Containers');
      return ['shop-web-1', 'shop-api-1', 'shop-db-1'].every((n) => rows.some((r) => r.startsWith(`${n} `) && /CPU/.test(r)))
        && rows.some((r) => r.startsWith('scratchpad'));
    }, 45_000);
    await waitFor('some log lines', async () => /GET|POST/.test(await uiBridge.terminalText()), 20_000);
    await sleep(Number(process.env.DOCKSIDE_SHOT_SETTLE_MS ?? 8000)); // more log lines, settled usage figures
    await vscode.commands.executeCommand('notifications.clearAll');
    await waitFor('the notifications to close', async () => (await uiBridge.notificationTexts()).length === 0, 10_000);
    console.log(`rows: ${JSON.stringify(await uiBridge.viewRows('dockside', 'Containers'))}`);
    const file = await uiBridge.screenshot('readme');

    // The second picture: the project's compose file with its code lenses and a spec diagnostic, beside the
    // project group in the Containers view.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const composeFile = vscode.Uri.joinPath(folder, 'compose.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(composeFile), { preview: false });
    await waitFor('the code lenses over the file and its services', async () => {
      const lenses = await uiBridge.codeLensTexts();
      return lenses.some((t) => /Rendered Configuration/.test(t)) && ['web', 'api', 'db'].every((s) => lenses.some((t) => t.includes(`Up ${s}`)));
    }, 30_000);
    await waitFor('the compose file\'s spec diagnostic', () => vscode.languages.getDiagnostics(composeFile).some((d) => d.source === 'compose'), 30_000);
    await sleep(1500); // the squiggle and the rows' usage figures repaint
    await vscode.commands.executeCommand('notifications.clearAll');
    const compose = await uiBridge.screenshot('readme-compose');
    if (process.env.DOCKSIDE_SCREENSHOT_RESULT) fs.writeFileSync(process.env.DOCKSIDE_SCREENSHOT_RESULT, JSON.stringify({ file, compose }));
  } finally {
    for (const t of vscode.window.terminals) t.dispose();
    await removeScene(docker);
    await config.update('containers.showUsage', undefined, vscode.ConfigurationTarget.Global);
  }
}

async function createContainer(docker: Docker, s: (typeof services)[number]): Promise<void> {
  const port = s.port ? `${s.port}/tcp` : undefined;
  const container = await docker.createContainer({
    name: s.name,
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', s.cmd],
    Labels: {
      [TEST_LABEL]: 'true',
      ...(s.service ? {
        'com.docker.compose.project': 'shop',
        'com.docker.compose.service': s.service,
        'com.docker.compose.container-number': '1',
        'com.docker.compose.project.working_dir': vscode.workspace.workspaceFolders![0].uri.fsPath,
        'com.docker.compose.project.config_files': 'compose.yaml',
      } : {}),
    },
    ...(port ? { ExposedPorts: { [port]: {} } } : {}),
    // Loopback only, on a port the engine picks.
    HostConfig: port ? { PortBindings: { [port]: [{ HostIp: '127.0.0.1', HostPort: '' }] } } : {},
  });
  await container.start();
  if (s.stopped) await container.wait();
}

/** Removes this scene's containers, refusing to touch same-named containers that are not test resources. */
async function removeScene(docker: Docker): Promise<void> {
  const names = new Set(services.map((s) => `/${s.name}`));
  for (const c of await docker.listContainers({ all: true })) {
    if (!c.Names.some((n) => names.has(n))) continue;
    if (c.Labels?.[TEST_LABEL] !== 'true') throw new Error(`${c.Names[0]} exists and is not a test container; not touching it`);
    await docker.getContainer(c.Id).remove({ force: true });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
