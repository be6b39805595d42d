// The file commands (issue 16): id → handler.
import { FileCommands } from '../../constants';
import type { ContainerFiles } from '../../files/containerFiles';
import type { CommandHandler } from '../commandWrapper';
import { browseVolume } from './browseVolume';
import { downloadFiles } from './downloadFiles';
import { openFolderInExplorer } from './openFolderInExplorer';
import { refreshFiles } from './refreshFiles';
import { uploadFiles } from './uploadFiles';

export function fileCommandTable(files: ContainerFiles): Record<string, CommandHandler> {
  return {
    [FileCommands.openFolderInExplorer]: openFolderInExplorer(files),
    [FileCommands.refresh]: refreshFiles(files),
    [FileCommands.upload]: uploadFiles(files),
    [FileCommands.download]: downloadFiles(files),
    [FileCommands.browseVolume]: browseVolume(files),
  };
}
