// `docker swarm leave` (forced for a manager), after saying what it costs.
import * as vscode from 'vscode';
import { confirmChoice } from '../../manage/runOnTargets';
import { engineAndClient, type SwarmCommandServices } from './swarmCommandServices';

export function leaveSwarm(services: SwarmCommandServices) {
  return async (): Promise<void> => {
    const [engine, client] = await engineAndClient(services);
    const state = await engine.readSwarmState(client);
    if (state.role === 'none') {
      void vscode.window.showInformationMessage(vscode.l10n.t('This engine is in no swarm.'));
      return;
    }
    const detail =
      state.role === 'manager'
        ? vscode.l10n.t('This engine is a manager. If it is the last manager, the swarm ends: every service, secret and config is deleted and its tasks stop. Otherwise the remaining managers lose one vote; demote it first to keep the majority safe.')
        : vscode.l10n.t('This worker\'s tasks stop here and the managers schedule them on other nodes.');
    await confirmChoice(vscode.l10n.t('Leave the swarm?'), detail, vscode.l10n.t('Leave'));
    await engine.leaveSwarm(client, state.role === 'manager');
    await services.swarm.refresh();
  };
}
