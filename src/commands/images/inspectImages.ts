import * as vscode from 'vscode';
import { inspectCommand } from '../../inspect/inspectCommand';
import type { ManageServices } from '../../manage/runOnTargets';

export const inspectImages = (services: ManageServices) => inspectCommand(services, 'image', () => vscode.l10n.t('Choose an image to inspect'));
