// What the Dockerfile language client and server say to each other beyond LSP. Plain data only: the client
// bundle imports this file, so it must not pull in vscode-languageserver.
import type { LocalImageInfo } from '../shared/lintProtocol';

/** Server → client: the local engine's image references (`repo:tag`), for FROM and COPY --from completion. */
export const imageNamesRequest = 'dockside/imageNames';

/**
 * Client → server: what the local engine knows of its tagged images (platform, environment), sent when the
 * client starts and again after image events; an empty list when no engine is connected (the checks that
 * need it are then off). Params: LocalImagesParams.
 */
export const localImagesNotification = 'dockside/localImages';

export interface LocalImagesParams {
  images: LocalImageInfo[];
}

/** The configuration section the server pulls per document. */
export const settingsSection = 'dockside.dockerfile';

export interface DocksideInitializationOptions {
  /** `vscode.l10n.bundle`: the translated strings for the display language, absent for English. */
  l10nBundle?: Record<string, string>;
  /** `vscode.env.language`, e.g. `en` or `zh-cn`. */
  language?: string;
  /**
   * `vscode.workspace.isTrusted`. Each settings answer carries it too (`workspaceTrusted`), and the client
   * sends a configuration change when trust is granted; false means no external program (ShellCheck) runs.
   */
  workspaceTrusted?: boolean;
  /** The local images known when the client started (see localImagesNotification). */
  localImages?: LocalImageInfo[];
}
