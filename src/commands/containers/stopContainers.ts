import * as vscode from 'vscode';
import { stopTimeoutSeconds } from '../../manage/manageSettings';
import type { ManageServices } from '../../manage/runOnTargets';
import { containerCommand } from '../../manage/targetCommand';
import { isState } from '../../manage/targets';

/** Graceful: SIGTERM (or the image's STOPSIGNAL), then SIGKILL after dockside.containers.stopTimeoutSeconds. */
export const stopContainers = (services: ManageServices) =>
  containerCommand(services, {
    placeHolder: () => vscode.l10n.t('Choose a container to stop'),
    filter: isState('running', 'paused', 'restarting'),
    progressTitle: () => vscode.l10n.t('Stopping containers (SIGTERM, then SIGKILL after {0} s)', stopTimeoutSeconds()),
    run: (engine, client, c) => engine.stopContainer(client, c.id, stopTimeoutSeconds()),
  });
