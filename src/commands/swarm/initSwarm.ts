// `docker swarm init --advertise-addr`: the address other nodes reach this one at. For an engine on this
// machine the machine's own addresses are offered; any other address can be typed.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { askText } from '../../manage/prompts';
import { engineAndClient, type SwarmCommandServices } from './swarmCommandServices';

const ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+|[a-zA-Z0-9][a-zA-Z0-9_.-]*)$/;

export function initSwarm(services: SwarmCommandServices) {
  return async (): Promise<void> => {
    const [engine, client] = await engineAndClient(services);
    const title = vscode.l10n.t('Initialise a Swarm');
    const local = client.endpoint.host.startsWith('unix://') || client.endpoint.host.startsWith('npipe://');
    const addresses = local
      ? Object.entries(os.networkInterfaces()).flatMap(([name, list]) => (list ?? []).filter((a) => !a.internal && a.family === 'IPv4').map((a) => ({ label: a.address, description: name })))
      : [];
    const other = { label: vscode.l10n.t('Type an address or interface…'), description: '' };
    const choice = await vscode.window.showQuickPick([...addresses, other], { title, placeHolder: vscode.l10n.t('Advertise address: where the other nodes will reach this manager'), ignoreFocusOut: true });
    if (!choice) throw new vscode.CancellationError();
    const address = choice === other ? (await askText(title, vscode.l10n.t('Advertise address (an IP address or an interface name such as eth0)'), '', (v) => (ADDRESS.test(v.trim()) ? undefined : vscode.l10n.t('An IP address or an interface name.')))).trim() : choice.label;
    await engine.initSwarm(client, address);
    await services.swarm.refresh();
    void vscode.window.showInformationMessage(vscode.l10n.t('This engine now manages a swarm advertised at {0}. Other engines join it with the token from "Copy Join Command".', address));
  };
}
