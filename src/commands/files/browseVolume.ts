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
    const fromRow = (node as VolumeNode | undefined)?.kind === 'volume' ? { volume: (node as VolumeNode).volume.name, session: engineOf(node) } : undefined;
    const chosen = fromRow ?? (await pickVolume(files.engines.all(), files.engines.labelOf));
    if (!chosen) return;
    const { volume, session } = chosen;
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

/** From the palette: the volumes of every engine shown, in one QuickPick (the engine named when several are). */
async function pickVolume(sessions: readonly EngineSession[], labelOf: (session: EngineSession) => string): Promise<{ volume: string; session: EngineSession } | undefined> {
  const lists = await Promise.all(
    sessions.map(async (session) => {
      try {
        return (await (await session.client()).listVolumes()).map((v) => ({ session, volume: v.name }));
      } catch {
        return []; // An engine that does not answer has nothing to offer; its state says why elsewhere.
      }
    }),
  );
  const choices = lists.flat().sort((a, b) => a.volume.localeCompare(b.volume));
  if (!choices.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no volume to browse.'));
    return undefined;
  }
  const several = sessions.length > 1;
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.volume, description: several ? labelOf(c.session) : undefined, choice: c })),
    { placeHolder: vscode.l10n.t('Choose a volume to browse'), matchOnDescription: true },
  );
  return picked?.choice;
}
