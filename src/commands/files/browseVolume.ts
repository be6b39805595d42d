// Browse: a volume's files as a workspace folder, served by a short-lived helper container that mounts
// it (an image already on the engine; nothing is pulled). The helper goes when nothing shows the volume.
import * as vscode from 'vscode';
import type { ContainerFiles } from '../../files/containerFiles';
import { volumeFileUri } from '../../files/fileUri';
import type { EngineSession } from '../../session/engineSession';
import type { VolumeNode } from '../../tree/nodes';
import { addWorkspaceFolder } from './openFolderInExplorer';

export function browseVolume(files: ContainerFiles, engineOf: (node: unknown) => EngineSession | undefined) {
  return async (node: unknown): Promise<void> => {
    const volume = (node as VolumeNode | undefined)?.kind === 'volume' ? (node as VolumeNode).volume.name : undefined;
    if (!volume) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Choose a volume in the Volumes view first.'));
      return;
    }
    const session = engineOf(node);
    const uri = volumeFileUri(session ? files.engines.idOf(session) : files.engines.currentId(), volume);
    const target = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Opening volume {0}...', volume) }, async () => {
      try {
        return (await files.fs.targetOf(uri)).target;
      } catch (error) {
        if ((error as { details?: { engineMessage?: string } }).details?.engineMessage === 'noHelperImage') return undefined;
        throw error;
      }
    });
    if (!target) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Browsing a volume needs a helper container, and this engine has no image to run one. Build or load an image (busybox or alpine is best); Dockside pulls nothing without asking.'));
      return;
    }
    const limited = target.execReason();
    if (limited) void vscode.window.showInformationMessage(limited);
    await addWorkspaceFolder(uri, vscode.l10n.t('Volume {0}', volume));
  };
}
