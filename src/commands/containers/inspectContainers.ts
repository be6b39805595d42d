import * as vscode from 'vscode';
import { inspectCommand } from '../../inspect/inspectCommand';
import type { ManageServices } from '../../manage/runOnTargets';

export const inspectContainers = (services: ManageServices) => inspectCommand(services, 'container', () => vscode.l10n.t('Choose a container to inspect'));
