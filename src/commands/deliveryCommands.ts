// The commands that run, build, pull and push images and manage registries (issue 5). Their ids are listed
// once here and matched by package.json.
import * as vscode from 'vscode';
import { BuildDiagnostics } from '../build/buildDiagnostics';
import { BuildRunner } from '../build/buildRunner';
import { RegistriesProvider } from '../registries/registriesProvider';
import { RegistryCredentialStore } from '../registries/registryCredentials';
import { showingRefusals } from '../run/refusal';
import { RunSecretStore } from '../run/runSecretStore';
import { RunService } from '../run/runService';
import type { EngineSession } from '../session/engineSession';
import type { CommandHandler } from './commandWrapper';
import { buildImage } from './delivery/buildImage';
import { copyRunConfigurationLine } from './delivery/copyRunConfigurationLine';
import type { DeliveryServices } from './delivery/deliveryServices';
import { editRunConfiguration } from './delivery/editRunConfiguration';
import { forgetRunSecrets } from './delivery/forgetRunSecrets';
import { loginRegistry } from './delivery/loginRegistry';
import { logoutRegistry } from './delivery/logoutRegistry';
import { pullImage } from './delivery/pullImage';
import { pushImage } from './delivery/pushImage';
import { runImage } from './delivery/runImage';
import { runImageInteractive } from './delivery/runImageInteractive';
import { runImageWithOptions } from './delivery/runImageWithOptions';
import { runPreset } from './delivery/runPreset';
import { runSavedConfiguration } from './delivery/runSavedConfiguration';

export const DeliveryCommands = {
  run: 'dockside.images.run',
  runInteractive: 'dockside.images.runInteractive',
  runWithOptions: 'dockside.images.runWithOptions',
  runSaved: 'dockside.images.runSavedConfiguration',
  editSaved: 'dockside.images.runEditConfiguration',
  copySavedLine: 'dockside.images.runCopyConfigurationLine',
  runPreset: 'dockside.runPreset',
  forgetRunSecrets: 'dockside.images.runForgetSecrets',
  build: 'dockside.images.build',
  pull: 'dockside.images.pull',
  push: 'dockside.images.push',
  login: 'dockside.registries.login',
  logout: 'dockside.registries.logout',
  refreshRegistries: 'dockside.registries.refresh',
  pullTag: 'dockside.registries.pullTag',
} as const;

export const REGISTRIES_VIEW = 'dockside.registries';

/** The Registries view and the credentials behind it: built at activation, since the view may show at once. */
export interface Registries extends vscode.Disposable {
  readonly credentials: RegistryCredentialStore;
  readonly provider: RegistriesProvider;
}

export function createRegistries(context: vscode.ExtensionContext, session: EngineSession, log: vscode.LogOutputChannel): Registries {
  const credentials = new RegistryCredentialStore(session, context.secrets, context.globalState);
  const provider = new RegistriesProvider(credentials, log);
  const view = vscode.window.createTreeView(REGISTRIES_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const trusted = vscode.workspace.onDidGrantWorkspaceTrust(() => provider.refresh());
  const parts = vscode.Disposable.from(credentials, provider, view, trusted);
  return { credentials, provider, dispose: () => parts.dispose() };
}

/** The handlers, and what they keep alive (build diagnostics, running builds) until the extension ends. */
export function deliveryCommandTable(context: vscode.ExtensionContext, session: EngineSession, log: vscode.LogOutputChannel, registries: Registries): { handlers: Record<string, CommandHandler>; disposables: vscode.Disposable[] } {
  const runSecrets = new RunSecretStore(context.secrets, context.globalState);
  const services: DeliveryServices = { session, log, context, runs: new RunService(session, log, runSecrets), runSecrets, explain: (error) => explain(session, log, error) };
  const diagnostics = new BuildDiagnostics();
  const builds = new BuildRunner(session, diagnostics);
  const { credentials, provider } = registries;
  const table: Record<string, (...args: never[]) => Promise<unknown>> = {
    [DeliveryCommands.run]: runImage(services),
    [DeliveryCommands.runInteractive]: runImageInteractive(services),
    [DeliveryCommands.runWithOptions]: runImageWithOptions(services),
    [DeliveryCommands.runSaved]: runSavedConfiguration(services),
    [DeliveryCommands.editSaved]: editRunConfiguration(services),
    [DeliveryCommands.copySavedLine]: copyRunConfigurationLine(),
    [DeliveryCommands.runPreset]: runPreset(services, credentials),
    [DeliveryCommands.forgetRunSecrets]: forgetRunSecrets(runSecrets),
    [DeliveryCommands.build]: buildImage(services, builds),
    [DeliveryCommands.pull]: pullImage(services, credentials),
    [DeliveryCommands.push]: pushImage(services, credentials),
    [DeliveryCommands.login]: loginRegistry(services, credentials),
    [DeliveryCommands.logout]: logoutRegistry(credentials),
    [DeliveryCommands.refreshRegistries]: async () => provider.refresh(),
    [DeliveryCommands.pullTag]: pullImage(services, credentials),
  };
  const handlers = Object.fromEntries(Object.entries(table).map(([id, handler]) => [id, showingRefusals(handler as (...args: unknown[]) => Promise<unknown>)]));
  return { handlers, disposables: [diagnostics, builds] };
}

/**
 * For failures outside a command call (the Run… form's buttons): the sentence the wrapper would show, with
 * the whole error in the log. The form shows the sentence itself, at its top, until the next change: a
 * notification would outlive it and still be there after a later success.
 */
async function explain(session: EngineSession, log: vscode.LogOutputChannel, error: unknown): Promise<string> {
  const engine = await session.engine();
  const sentence = engine.isEngineError(error) ? engine.describeEngineError(error) : error instanceof Error && error.name === 'Refusal' ? error.message : vscode.l10n.t('Dockside could not finish this. The log has the details.');
  log.error(sentence, error);
  return sentence;
}
