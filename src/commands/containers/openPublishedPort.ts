// Opens a container's published TCP port in the browser. Ports published on every address (0.0.0.0, ::)
// open on loopback: never the container's own address, never another machine.
import * as vscode from 'vscode';
import type { PublishedPort } from '../../models/container';
import type { ManageServices } from '../../manage/runOnTargets';
import { resolveTargets } from '../../manage/targets';

export function openPublishedPort(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<string> => {
    const hasPort = (p: PublishedPort) => p.protocol === 'tcp' && !!p.publicPort;
    const [container] = await resolveTargets(services.session, 'container', node, nodes, {
      placeHolder: vscode.l10n.t('Choose a container with a published port'),
      filter: (c) => c.state === 'running' && c.ports.some(hasPort),
    });
    const ports = container.ports.filter(hasPort);
    if (ports.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} publishes no TCP port on the host.', container.name));
      throw new vscode.CancellationError();
    }
    const items = ports.map((p) => ({ label: browserUrl(p), description: vscode.l10n.t('container port {0}', p.privatePort) }));
    const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Choose a port to open') });
    if (!picked) throw new vscode.CancellationError();
    await vscode.env.openExternal(vscode.Uri.parse(picked.label));
    return picked.label;
  };
}

export function browserUrl(port: PublishedPort): string {
  const ip = port.ip ?? '0.0.0.0';
  const host = ip === '0.0.0.0' || ip === '::' ? '127.0.0.1' : ip.includes(':') ? `[${ip}]` : ip;
  return `http://${host}:${port.publicPort}/`;
}
