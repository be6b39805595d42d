// `docker volume create`: name (empty lets the engine choose), driver, labels.
import * as vscode from 'vscode';
import { parseLabels } from '../../manage/limits';
import { askText } from '../../manage/prompts';
import type { ManageServices } from '../../manage/runOnTargets';
import { labelsMessage } from '../networks/createNetwork';

const NAME = /^([a-zA-Z0-9][a-zA-Z0-9_.-]+)?$/;

export function createVolume(services: ManageServices) {
  return async (): Promise<string> => {
    const title = vscode.l10n.t('Create Volume');
    const name = await askText(title, vscode.l10n.t('Volume name (empty: the engine picks one)'), '', (v) => (NAME.test(v.trim()) ? undefined : vscode.l10n.t('At least two characters: letters, digits, "_", "." and "-", starting with a letter or digit.')));
    const driver = await askText(title, vscode.l10n.t('Driver'), 'local', (v) => (v.trim() ? undefined : vscode.l10n.t('A driver is needed; "local" is the engine\'s own.')));
    const labels = parseLabels(await askText(title, vscode.l10n.t('Labels as key=value, separated by commas (optional)'), '', labelsMessage)) ?? {};
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    try {
      return await engine.createVolume(client, { name: name.trim(), driver: driver.trim(), labels });
    } finally {
      services.refreshViews();
    }
  };
}
