// Push: tag a local image for a registry host and push it, in one flow (`docker tag` + `docker push`).
import * as vscode from 'vscode';
import { imageReferenceFrom } from '../../run/imageArgument';
import { Refusal } from '../../run/refusal';
import type { RegistryCredentialStore } from '../../registries/registryCredentials';
import { transferWithProgress } from '../../registries/transferWithProgress';
import type { DeliveryServices } from './deliveryServices';
import { referenceProblem } from './pullImage';

export function pushImage(services: DeliveryServices, credentials: RegistryCredentialStore) {
  return async (node?: unknown, target?: unknown): Promise<string> => {
    const source = await imageReferenceFrom(services.session, node, vscode.l10n.t('Choose an image to push'));
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    const destination = typeof target === 'string' ? target : await askDestination(source, await credentials.registries(), engine.registryOfReference(source));
    const problem = referenceProblem(destination);
    if (problem) throw new Refusal(problem);
    const registry = engine.registryOfReference(destination);
    const auth = await credentials.engineAuth(registry);
    if (destination !== source) await engine.tagImage(client, source, destination);
    const result = await transferWithProgress(services.session.titled(vscode.l10n.t('Pushing {0}', destination)), (onProgress, signal) => engine.pushImage(client, destination, auth, onProgress, signal));
    services.log.info(`Pushed ${destination}: ${result.layers} layers, digest ${result.digest ?? '?'}, ${result.durationMs} ms`);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Pushed {0}', destination), 5000);
    return destination;
  };
}

/** Which registry (the logged-in ones first), then the full reference there, prefilled from the source. */
async function askDestination(source: string, registries: string[], sourceRegistry: string): Promise<string> {
  const hub = 'docker.io';
  const choices = [...new Set([...registries, hub])].map((r) => ({ label: r }));
  const picked = await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Push {0}', source), placeHolder: vscode.l10n.t('Push to which registry? (type a host:port for another)') });
  if (!picked) throw new vscode.CancellationError();
  const path = sourceRegistry === hub ? source : source.slice(source.indexOf('/') + 1);
  const suggested = picked.label === hub ? path : `${picked.label}/${path}`;
  const value = await vscode.window.showInputBox({ title: vscode.l10n.t('Push {0}', source), prompt: vscode.l10n.t('Reference to push (it is tagged first)'), value: suggested, validateInput: referenceProblem });
  if (!value) throw new vscode.CancellationError();
  return value.trim();
}
