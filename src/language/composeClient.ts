// Starts the compose language client and its server process (dist/composeServer.js, over IPC). Loaded lazily
// the first time a compose file (language id `dockercompose`) opens. The server asks through here for the
// local engine's image names (completion of `image:`).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { composeSettingsSection } from '../server/compose/composeSettingsSection';
import { imageNamesRequest, type DocksideInitializationOptions } from '../server/protocol';

export interface ComposeClientServices {
  /** Local engine image references (`repo:tag`); throws when no engine answers. */
  listImageNames(): Promise<string[]>;
}

export async function startComposeClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, services: ComposeClientServices): Promise<vscode.Disposable> {
  const serverModule = context.asAbsolutePath('dist/composeServer.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6020'] } },
  };
  const initializationOptions: DocksideInitializationOptions = { l10nBundle: vscode.l10n.bundle, language: vscode.env.language };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'dockercompose', scheme: 'file' },
      { language: 'dockercompose', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: composeSettingsSection,
      // Dockerfiles and env files the compose files point at: their appearing or going changes the checks.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{Dockerfile,Dockerfile.*,*.Dockerfile,Containerfile,*.env,.env,*.env.*}'),
    },
    initializationOptions,
    outputChannel: log,
  };
  const client = new LanguageClient('dockside.compose', vscode.l10n.t('Compose Language Server'), serverOptions, clientOptions);
  client.onRequest(imageNamesRequest, async () => {
    try {
      return await services.listImageNames();
    } catch (error) {
      log.debug('Image names for compose completion are unavailable', error);
      return [];
    }
  });
  await client.start();
  return new vscode.Disposable(() => void client.stop());
}
