// The `docker swarm join` line for a worker or a manager, copied: the token is a credential, so it goes to
// the clipboard only (never to a message or the log).
import * as vscode from 'vscode';
import { engineAndClient, type SwarmCommandServices } from './swarmCommandServices';

export function copyJoinCommand(services: SwarmCommandServices) {
  return async (): Promise<string> => {
    const worker = vscode.l10n.t('Join as a worker');
    const manager = vscode.l10n.t('Join as a manager');
    const role = await vscode.window.showQuickPick([worker, manager], { placeHolder: vscode.l10n.t('Which join command?'), ignoreFocusOut: true });
    if (!role) throw new vscode.CancellationError();
    const [engine, client] = await engineAndClient(services);
    const tokens = await engine.joinTokens(client);
    const token = role === manager ? tokens.manager : tokens.worker;
    const line = `docker swarm join --token ${token} ${tokens.managerAddress ?? '<manager-address>:2377'}`;
    await vscode.env.clipboard.writeText(line);
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied the join command. Run it on the engine that should join; anyone with it can join the swarm, so share it with care.'));
    return role === manager ? 'manager' : 'worker';
  };
}
