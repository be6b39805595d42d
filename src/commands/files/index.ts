// The file commands (issue 16): id → handler.
import { FileCommands } from '../../constants';
import type { ContainerFiles } from '../../files/containerFiles';
import type { EngineSession } from '../../session/engineSession';
import type { CommandHandler } from '../commandWrapper';
import { browseVolume } from './browseVolume';
import { downloadFiles } from './downloadFiles';
import { openFolderInExplorer } from './openFolderInExplorer';
import { refreshFiles } from './refreshFiles';
import { uploadFiles } from './uploadFiles';

/** `engineOf`: the engine of an explorer row (a volume row of a pinned engine browses that engine's volume). */
export function fileCommandTable(files: ContainerFiles, engineOf: (node: unknown) => EngineSession | undefined): Record<string, CommandHandler> {
  return {
    [FileCommands.openFolderInExplorer]: openFolderInExplorer(files),
    [FileCommands.refresh]: refreshFiles(files),
    [FileCommands.upload]: uploadFiles(files),
    [FileCommands.download]: downloadFiles(files),
    [FileCommands.browseVolume]: browseVolume(files, engineOf),
  };
}
