// Engines → Create Context: `docker context create` for a unix socket, tcp with TLS material, or ssh,
// asked step by step; nothing is written until every answer is valid.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { EngineRegistry } from '../../session/engineRegistry';
import { newContextNameProblem } from './engineArgument';

type Transport = 'unix' | 'tcp' | 'ssh';

export function createContext(registry: EngineRegistry): () => Promise<void> {
  return async () => {
    const engine = await registry.engine();
    const store = new engine.ContextStore(process.env);
    const title = vscode.l10n.t('Create Docker Context');
    const name = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Name of the new context'),
      validateInput: (value) => newContextNameProblem(engine, store, value),
    });
    if (!name) return;
    const transports: { label: string; detail: string; transport: Transport }[] = [
      { label: vscode.l10n.t('Unix socket'), detail: 'unix:///var/run/docker.sock', transport: 'unix' },
      { label: vscode.l10n.t('TCP with TLS'), detail: 'tcp://host:2376', transport: 'tcp' },
      { label: 'SSH', detail: 'ssh://user@host', transport: 'ssh' },
    ];
    const kind = await vscode.window.showQuickPick(transports, { title, placeHolder: vscode.l10n.t('How is the engine reached?') });
    if (!kind) return;
    const examples: Record<Transport, string> = { unix: 'unix:///var/run/docker.sock', tcp: 'tcp://build.example:2376', ssh: 'ssh://deploy@build.example' };
    const host = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Engine address'),
      value: kind.transport === 'unix' ? examples.unix : undefined,
      placeHolder: examples[kind.transport],
      validateInput: (value) => {
        if (!value.trim().startsWith(`${kind.transport}://`)) return vscode.l10n.t('Write it as {0}.', examples[kind.transport]);
        try {
          engine.parseEngineHost(value, 'setting');
        } catch (error) {
          return engine.isEngineError(error) ? engine.describeEngineError(error) : String(error);
        }
        return undefined;
      },
    });
    if (!host) return;
    let tls: { ca?: string; cert?: string; key?: string } | undefined;
    let skipTlsVerify = false;
    if (kind.transport === 'tcp') {
      const material = await askTlsMaterial(title);
      if (!material) return;
      ({ tls, skipTlsVerify } = material);
    }
    const description = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Description (optional)') });
    if (description === undefined) return;
    store.create({ name, host: host.trim(), description: description.trim() || undefined, tls, skipTlsVerify });
    registry.refresh();
    void vscode.window.showInformationMessage(vscode.l10n.t('Created the docker context "{0}".', name));
  };
}

/** CA, client certificate and key from files; or, only when the user says so, no verification. */
async function askTlsMaterial(title: string): Promise<{ tls?: { ca?: string; cert?: string; key?: string }; skipTlsVerify: boolean } | undefined> {
  const verify = vscode.l10n.t('Verify with a CA certificate (recommended)');
  const skip = vscode.l10n.t('TLS without verification (anyone on the network can pose as the engine)');
  const choice = await vscode.window.showQuickPick([verify, skip], { title, placeHolder: vscode.l10n.t('How is the engine\'s certificate checked?') });
  if (!choice) return undefined;
  const pick = async (label: string, required: boolean): Promise<string | undefined | null> => {
    const files = await vscode.window.showOpenDialog({ title: label, openLabel: label, canSelectMany: false, filters: { PEM: ['pem', 'crt', 'key'], '*': ['*'] } });
    if (!files?.[0]) return required ? null : undefined;
    return fs.readFileSync(files[0].fsPath, 'utf8');
  };
  const ca = choice === verify ? await pick(vscode.l10n.t('Select the CA certificate (ca.pem)'), true) : undefined;
  if (ca === null) return undefined;
  const cert = await pick(vscode.l10n.t('Select the client certificate (cert.pem), or cancel for none'), false);
  const key = cert ? await pick(vscode.l10n.t('Select the client key (key.pem)'), true) : undefined;
  if (key === null) return undefined;
  return { tls: { ca: ca ?? undefined, cert: cert ?? undefined, key: key ?? undefined }, skipTlsVerify: choice === skip };
}
