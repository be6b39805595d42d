// Pull: a reference typed in (validated) or a tag from the Registries view, with the registry's
// credentials when we have them, and layer progress in one cancellable notification.
import * as vscode from 'vscode';
import { Refusal } from '../../run/refusal';
import { transferWithProgress } from '../../registries/transferWithProgress';
import type { RegistryCredentialStore } from '../../registries/registryCredentials';
import type { DeliveryServices } from './deliveryServices';

/** The docker reference grammar: [host[:port]/]path[:tag][@digest], lowercase path components. */
const REFERENCE = /^(?:(?:[a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

export function referenceProblem(value: string): string | undefined {
  if (!value.trim()) return vscode.l10n.t('Type an image reference, e.g. nginx:1.27 or registry.example.com:5000/team/app:1.0');
  return REFERENCE.test(value.trim()) ? undefined : vscode.l10n.t('"{0}" is not an image reference: lowercase [registry/]repository[:tag][@digest].', value.trim());
}

export function pullImage(services: DeliveryServices, credentials: RegistryCredentialStore) {
  return async (node?: unknown): Promise<string> => {
    const fromNode = (node as { reference?: unknown } | undefined)?.reference;
    const reference = typeof node === 'string' ? node : typeof fromNode === 'string' ? fromNode : await askReference();
    const problem = referenceProblem(reference);
    if (problem) throw new Refusal(problem);
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    const auth = await credentials.engineAuth(engine.registryOfReference(reference));
    const full = /:[\w][\w.-]*$|@sha256:/.test(reference.split('/').pop() ?? '') ? reference : `${reference}:latest`;
    const result = await transferWithProgress(services.session.titled(vscode.l10n.t('Pulling {0}', full)), (onProgress, signal) => engine.pullImage(client, full, auth, onProgress, signal));
    services.log.info(`Pulled ${full}: ${result.layers} layers, ${result.bytes} bytes in ${result.durationMs} ms`);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Pulled {0}', full), 5000);
    return full;
  };
}

async function askReference(): Promise<string> {
  const value = await vscode.window.showInputBox({ title: vscode.l10n.t('Pull an image'), prompt: vscode.l10n.t('Image reference'), placeHolder: 'nginx:1.27', validateInput: referenceProblem });
  if (!value) throw new vscode.CancellationError();
  return value.trim();
}
