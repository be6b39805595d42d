// `docker node promote` / `demote`. Demoting names what it costs: the swarm needs a majority of managers.
import * as vscode from 'vscode';
import type { NodeRole } from '../../models/swarm';
import { confirmChoice } from '../../manage/runOnTargets';
import { engineAndClient, nodeArgument, type SwarmCommandServices } from './swarmCommandServices';

export function setNodeRole(services: SwarmCommandServices, role: NodeRole) {
  return async (node?: unknown): Promise<void> => {
    const target = await nodeArgument(services, node, role === 'manager' ? vscode.l10n.t('Choose a node to promote') : vscode.l10n.t('Choose a node to demote'));
    if (target.role === role) {
      void vscode.window.showInformationMessage(role === 'manager' ? vscode.l10n.t('{0} is a manager already.', target.hostname) : vscode.l10n.t('{0} is a worker already.', target.hostname));
      return;
    }
    if (role === 'worker') {
      await confirmChoice(
        vscode.l10n.t('Demote {0} to a worker?', target.hostname),
        vscode.l10n.t('The swarm keeps working only while a majority of its managers are reachable; the last manager cannot be demoted.'),
        vscode.l10n.t('Demote'),
      );
    }
    const [engine, client] = await engineAndClient(services);
    await engine.setNodeRole(client, target.id, role);
  };
}
