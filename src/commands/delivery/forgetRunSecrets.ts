// "Forget Stored Run Secrets…": deletes secret values (a MySQL root password typed at a first run) from VS
// Code's secret storage, so the next run asks again, e.g. after a typo or to rotate it.
import * as vscode from 'vscode';
import type { RunSecretStore } from '../../run/runSecretStore';
import { describeSecretKey } from '../../run/secretEnvironment';

export function forgetRunSecrets(store: RunSecretStore) {
  return async (): Promise<string[] | undefined> => {
    const items = store.keys().flatMap((key) => {
      const described = describeSecretKey(key);
      return described ? [{ label: described.variable, description: [described.container, described.repository].filter(Boolean).join(' · '), key }] : [];
    });
    if (!items.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No run secrets are stored. A run asks for one when its Secret environment names a variable.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Forget Stored Run Secrets'), placeHolder: vscode.l10n.t('The next run asks for the value you forget'), matchOnDescription: true });
    if (!picked) return undefined;
    await store.forget([picked.key]);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Forgot {0}; the next run asks again.', picked.label), 5000);
    return [picked.key];
  };
}
