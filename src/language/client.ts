// Starts the Dockerfile language client and its server process (dist/server.js, over IPC). Loaded lazily by
// the extension the first time a Dockerfile opens; everything the server needs from VS Code (the display
// language, the local engine's image names and platforms, per-document settings) goes through here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { userSetting } from '../settings';
import { registerRuleDocs, withRenderedRuleLinks } from './ruleDocs';
import { imageNamesRequest, localImagesNotification, settingsSection, type DocksideInitializationOptions, type LocalImagesParams } from '../server/protocol';
import type { LocalImageInfo } from '../shared/lintProtocol';

export { watchLocalImages } from './localImagesFeed';

export interface DockerfileClientServices {
  /** Local engine image references (`repo:tag`); throws when no engine answers. */
  listImageNames(): Promise<string[]>;
  /** Calls `send` with the local images' platforms now and whenever they change ([] while no engine answers). */
  watchLocalImages?(send: (images: LocalImageInfo[]) => void): vscode.Disposable;
}

export async function startDockerfileClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  services: DockerfileClientServices,
): Promise<vscode.Disposable> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // Without a cwd the client starts the server in the first workspace folder: a cloned repository, where
  // anything resolved relative to the working folder would be the repository's own file.
  const cwd = context.extensionPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { cwd } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { cwd, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: DocksideInitializationOptions = {
    l10nBundle: vscode.l10n.bundle,
    language: vscode.env.language,
    workspaceTrusted: vscode.workspace.isTrusted,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'dockerfile', scheme: 'file' },
      { language: 'dockerfile', scheme: 'untitled' },
    ],
    // The server pulls settings per document (folder settings apply); this only tells it when to re-pull.
    synchronize: { configurationSection: settingsSection },
    initializationOptions,
    outputChannel: log,
    middleware: {
      // Rule links open the rule's own section, rendered, instead of the raw Markdown file at line 1.
      handleDiagnostics: (uri, diagnostics, next) => next(uri, withRenderedRuleLinks(diagnostics)),
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return answers.map((answer, index) => withTrust(withResolvedPaths(answer, params.items[index]?.scopeUri)));
        },
      },
    },
  };
  const client = new LanguageClient('dockside.dockerfile', vscode.l10n.t('Dockerfile Language Server'), serverOptions, clientOptions);

  client.onRequest(imageNamesRequest, async () => {
    try {
      return await services.listImageNames();
    } catch (error) {
      // No engine is a normal state for an editor: completion just offers no image names.
      log.debug('Image names for Dockerfile completion are unavailable', error);
      return [];
    }
  });

  const ruleDocs = registerRuleDocs(context);
  await client.start();
  const localImages = services.watchLocalImages?.(
    (images) => void client.sendNotification(localImagesNotification, { images } satisfies LocalImagesParams),
  );
  // The answers above now say "trusted": the server pulls them again and ShellCheck joins in.
  const trustGranted = vscode.workspace.onDidGrantWorkspaceTrust(
    () => void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null }),
  );
  return new vscode.Disposable(() => {
    trustGranted.dispose();
    localImages?.dispose();
    ruleDocs.dispose();
    void client.stop();
  });
}

/**
 * Tells the server, with every settings answer, whether the workspace is trusted (Restricted Mode), and
 * gives it the ShellCheck path of the user's own settings only: a program is never the repository's choice.
 */
function withTrust(answer: unknown): unknown {
  const settings = (answer !== null && typeof answer === 'object' ? answer : {}) as { lint?: Record<string, unknown> };
  const shellcheckPath = userSetting(vscode.workspace.getConfiguration(settingsSection), 'lint.shellcheckPath', '');
  return { ...settings, lint: { ...settings.lint, shellcheckPath }, workspaceTrusted: vscode.workspace.isTrusted };
}

/** The hadolint config path may use ${workspaceFolder} or be relative to the document's workspace folder. */
function withResolvedPaths(answer: unknown, scopeUri: string | undefined): unknown {
  const settings = answer as { lint?: { hadolintConfig?: unknown } } | null;
  const configured = settings?.lint?.hadolintConfig;
  if (typeof configured !== 'string' || configured === '' || !scopeUri) return answer;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(scopeUri))?.uri.fsPath;
  if (!folder) return answer;
  const expanded = configured.replace(/\$\{workspaceFolder\}/g, folder);
  const resolved = path.isAbsolute(expanded) ? expanded : path.join(folder, expanded);
  return { ...settings, lint: { ...settings!.lint, hadolintConfig: resolved } };
}
