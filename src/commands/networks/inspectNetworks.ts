import * as vscode from 'vscode';
import { inspectCommand } from '../../inspect/inspectCommand';
import type { ManageServices } from '../../manage/runOnTargets';

export const inspectNetworks = (services: ManageServices) => inspectCommand(services, 'network', () => vscode.l10n.t('Choose a network to inspect'));
