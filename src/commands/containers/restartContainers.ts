import * as vscode from 'vscode';
import { stopTimeoutSeconds } from '../../manage/manageSettings';
import type { ManageServices } from '../../manage/runOnTargets';
import { containerCommand } from '../../manage/targetCommand';

export const restartContainers = (services: ManageServices) =>
  containerCommand(services, {
    placeHolder: () => vscode.l10n.t('Choose a container to restart'),
    progressTitle: () => vscode.l10n.t('Restarting containers'),
    run: (engine, client, c) => engine.restartContainer(client, c.id, stopTimeoutSeconds()),
  });
