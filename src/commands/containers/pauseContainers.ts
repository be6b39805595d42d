import * as vscode from 'vscode';
import type { ManageServices } from '../../manage/runOnTargets';
import { containerCommand } from '../../manage/targetCommand';
import { isState } from '../../manage/targets';

export const pauseContainers = (services: ManageServices) =>
  containerCommand(services, {
    placeHolder: () => vscode.l10n.t('Choose a container to pause'),
    filter: isState('running'),
    progressTitle: () => vscode.l10n.t('Pausing containers'),
    run: (engine, client, c) => engine.pauseContainer(client, c.id),
  });
