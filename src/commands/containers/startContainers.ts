import * as vscode from 'vscode';
import type { ManageServices } from '../../manage/runOnTargets';
import { containerCommand } from '../../manage/targetCommand';
import { isState } from '../../manage/targets';

export const startContainers = (services: ManageServices) =>
  containerCommand(services, {
    placeHolder: () => vscode.l10n.t('Choose a container to start'),
    filter: isState('created', 'exited', 'dead'),
    progressTitle: () => vscode.l10n.t('Starting containers'),
    run: (engine, client, c) => engine.startContainer(client, c.id),
  });
