// `docker node update --availability`: active, pause (no new tasks) or drain (tasks move to other nodes).
import * as vscode from 'vscode';
import type { NodeAvailability } from '../../models/swarm';
import { engineAndClient, nodeArgument, type SwarmCommandServices } from './swarmCommandServices';

export function setNodeAvailability(services: SwarmCommandServices) {
  return async (node?: unknown): Promise<void> => {
    const target = await nodeArgument(services, node, vscode.l10n.t('Choose a node'));
    const choices: { label: string; detail: string; value: NodeAvailability }[] = [
      { label: 'active', detail: vscode.l10n.t('Takes new tasks.'), value: 'active' },
      { label: 'pause', detail: vscode.l10n.t('Keeps its tasks, takes no new ones.'), value: 'pause' },
      { label: 'drain', detail: vscode.l10n.t('Its tasks stop and are scheduled on other nodes.'), value: 'drain' },
    ];
    const choice = await vscode.window.showQuickPick(choices.filter((c) => c.value !== target.availability), { title: vscode.l10n.t('Availability of {0} (now {1})', target.hostname, target.availability), ignoreFocusOut: true });
    if (!choice) throw new vscode.CancellationError();
    const [engine, client] = await engineAndClient(services);
    await engine.setNodeAvailability(client, target.id, choice.value);
  };
}
