import * as vscode from 'vscode';
import { inspectCommand } from '../../inspect/inspectCommand';
import type { ManageServices } from '../../manage/runOnTargets';

export const inspectVolumes = (services: ManageServices) => inspectCommand(services, 'volume', () => vscode.l10n.t('Choose a volume to inspect'));
