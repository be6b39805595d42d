// `docker network connect [--ip] [--alias]`: a container joins the network.
import * as vscode from 'vscode';
import { parseAddress } from '../../manage/cidr';
import { runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { listModels, resolveTargets } from '../../manage/targets';
import { addressMessage } from './createNetwork';

export function connectContainer(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<void> => {
    const [network] = await resolveTargets(services.session, 'network', node, nodes, {
      placeHolder: vscode.l10n.t('Choose a network to connect a container to'),
      filter: (n) => n.name !== 'host' && n.name !== 'none',
    });
    const containers = (await listModels(services.session, 'container')).filter((c) => !c.networks.some((a) => a.networkId === network.id || a.name === network.name));
    const picked = await vscode.window.showQuickPick(containers.map((c) => ({ label: c.name, description: `${c.image} · ${c.state}`, container: c })), {
      placeHolder: vscode.l10n.t('Container to connect to {0}', network.name),
    });
    if (!picked) throw new vscode.CancellationError();
    const title = vscode.l10n.t('Connect {0} to {1}', picked.label, network.name);
    const subnets = network.ipam.map((c) => c.subnet).filter(Boolean).join(', ');
    const ip = await vscode.window.showInputBox({
      title,
      prompt: subnets ? vscode.l10n.t('Static IPv4 address in {0} (optional)', subnets) : vscode.l10n.t('Static IPv4 address (optional; needs a network created with a subnet)'),
      ignoreFocusOut: true,
      validateInput: addressMessage,
    });
    if (ip === undefined) throw new vscode.CancellationError();
    const aliases = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Aliases, separated by commas (optional)'), ignoreFocusOut: true });
    if (aliases === undefined) throw new vscode.CancellationError();
    const engine = await services.session.engine();
    const options = { ipv4Address: parseAddress(ip) ? ip.trim() : undefined, aliases: aliases.split(',').map((a) => a.trim()).filter(Boolean) };
    await runOnTargets(services, [picked.container], (c) => c.name, (client, c) => engine.connectContainer(client, network.id, c.id, options), { progressTitle: title });
  };
}
