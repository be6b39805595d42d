// `docker network disconnect`: choose among the containers attached to the network.
import * as vscode from 'vscode';
import { runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { modelOf, resolveTargets } from '../../manage/targets';

export function disconnectContainer(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<void> => {
    const [network] = await resolveTargets(services.session, 'network', node, nodes, { placeHolder: vscode.l10n.t('Choose a network to disconnect a container from') });
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    // A container row under the network names the container already.
    const row = modelOf('container', node);
    const attached = row ? [{ id: row.id, name: row.name, state: row.state }] : await engine.containersOnNetwork(client, network.id);
    if (attached.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No container is attached to {0}.', network.name));
      return;
    }
    const picked = row ? attached.map((ref) => ({ ref })) : await vscode.window.showQuickPick(attached.map((c) => ({ label: c.name, description: c.id.slice(0, 12), ref: c })), {
      placeHolder: vscode.l10n.t('Container to disconnect from {0}', network.name),
      canPickMany: attached.length > 1,
    });
    const chosen = Array.isArray(picked) ? picked : picked ? [picked] : [];
    if (chosen.length === 0) throw new vscode.CancellationError();
    await runOnTargets(services, chosen.map((p) => p.ref), (c) => c.name, (c, ref) => engine.disconnectContainer(c, network.id, ref.id), {
      progressTitle: vscode.l10n.t('Disconnecting from {0}', network.name),
    });
  };
}
