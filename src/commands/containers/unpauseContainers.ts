import * as vscode from 'vscode';
import type { ManageServices } from '../../manage/runOnTargets';
import { containerCommand } from '../../manage/targetCommand';
import { isState } from '../../manage/targets';

export const unpauseContainers = (services: ManageServices) =>
  containerCommand(services, {
    placeHolder: () => vscode.l10n.t('Choose a container to resume'),
    filter: isState('paused'),
    progressTitle: () => vscode.l10n.t('Resuming containers'),
    run: (engine, client, c) => engine.unpauseContainer(client, c.id),
  });
