// Log out: the registry's credentials are removed wherever they were kept.
import * as vscode from 'vscode';
import type { RegistryCredentialStore } from '../../registries/registryCredentials';

export function logoutRegistry(credentials: RegistryCredentialStore) {
  return async (node?: unknown): Promise<void> => {
    const fromNode = typeof node === 'string' ? node : (node as { registry?: unknown } | undefined)?.registry;
    const registry = typeof fromNode === 'string' ? fromNode : await vscode.window.showQuickPick(await credentials.registries(), { placeHolder: vscode.l10n.t('Log out of which registry?') });
    if (!registry) throw new vscode.CancellationError();
    await credentials.logout(registry);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Logged out of {0}.', registry), 5000);
  };
}
