// Re-reads a folder of the Files tree (the engine cannot tell us when files change inside a container).
import type { ContainerFiles } from '../../files/containerFiles';
import { isFilesNode } from '../../files/filesTree';
import { fileArgument, noFileSelected } from './fileNodeArgument';

export function refreshFiles(files: ContainerFiles) {
  return (arg: unknown): void => {
    if (isFilesNode(arg)) return files.refresh(arg);
    const target = fileArgument(arg);
    if (!target) return noFileSelected();
    files.fs.refresh(target.uri);
  };
}
