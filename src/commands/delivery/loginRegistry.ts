// Log in to Docker Hub or a private registry: checked with the registry through the engine first, kept
// only when accepted (in the configured credential helper, else VS Code's SecretStorage).
import * as vscode from 'vscode';
import { Refusal } from '../../run/refusal';
import type { RegistryCredentialStore } from '../../registries/registryCredentials';
import type { DeliveryServices } from './deliveryServices';

export interface LoginAnswers {
  readonly registry: string;
  readonly username: string;
  readonly password: string;
}

export function loginRegistry(services: DeliveryServices, credentials: RegistryCredentialStore) {
  return async (answers?: unknown): Promise<string> => {
    const given = answers && typeof answers === 'object' && 'registry' in answers ? (answers as LoginAnswers) : await ask();
    const engine = await services.session.engine();
    try {
      const home = await credentials.login(given.registry, { username: given.username, secret: given.password });
      const where = home === 'helper' ? vscode.l10n.t('the docker credential helper') : vscode.l10n.t('VS Code secret storage');
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Logged in to {0} (saved in {1}).', engine.normaliseRegistry(given.registry), where), 5000);
      return home;
    } catch (error) {
      if (engine.isEngineError(error) && (error.details.statusCode === 401 || /unauthori[sz]ed|authentication required|incorrect username or password/i.test(error.details.engineMessage ?? ''))) {
        throw new Refusal(vscode.l10n.t('{0} refused the user name or password. Nothing was saved.', engine.normaliseRegistry(given.registry)));
      }
      throw error;
    }
  };
}

async function ask(): Promise<LoginAnswers> {
  const registry = await vscode.window.showInputBox({ title: vscode.l10n.t('Log in to a registry'), prompt: vscode.l10n.t('Registry host (docker.io for Docker Hub)'), value: 'docker.io' });
  if (!registry?.trim()) throw new vscode.CancellationError();
  const username = await vscode.window.showInputBox({ title: vscode.l10n.t('Log in to {0}', registry.trim()), prompt: vscode.l10n.t('User name') });
  if (!username?.trim()) throw new vscode.CancellationError();
  const password = await vscode.window.showInputBox({ title: vscode.l10n.t('Log in to {0}', registry.trim()), prompt: vscode.l10n.t('Password or access token'), password: true });
  if (!password) throw new vscode.CancellationError();
  return { registry: registry.trim(), username: username.trim(), password };
}
