// The files feature, built once by the composition root: the file system of containers and volumes
// (registered for both schemes), the Files rows under containers, drag and drop onto them, and the
// read-only status. Cheap to build: the engine layer loads on the first file call.
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';
import { ContainerFileSystem } from './containerFileSystem';
import { FileEngines } from './fileEngines';
import { FileTargets } from './fileTargets';
import { CONTAINER_SCHEME, VOLUME_SCHEME } from './fileUri';
import { FilesDragAndDrop } from './filesDragAndDrop';
import { FilesTree, type FilesNode } from './filesTree';
import { showReadOnlyReasons } from './readOnlyStatus';
import { VolumeHelpers } from './volumeHelpers';

export class ContainerFiles implements vscode.Disposable {
  readonly engines: FileEngines;
  readonly volumes: VolumeHelpers;
  readonly fs: ContainerFileSystem;
  readonly tree: FilesTree;
  readonly dragAndDrop: FilesDragAndDrop;
  private readonly disposables: vscode.Disposable[];

  private readonly trees = new Map<EngineSession, FilesTree>();

  /** `shown`: the engines whose files are served (the explorer's), the primary first; `labelOf`: an engine's name. */
  constructor(shown: () => readonly EngineSession[], labelOf: (session: EngineSession) => string, log: vscode.LogOutputChannel) {
    this.engines = new FileEngines(shown, labelOf);
    this.volumes = new VolumeHelpers(log);
    this.fs = new ContainerFileSystem(new FileTargets(this.engines, this.volumes), log);
    this.tree = this.treeFor(shown()[0]!);
    this.dragAndDrop = new FilesDragAndDrop(this.fs, log);
    this.disposables = [
      vscode.workspace.registerFileSystemProvider(CONTAINER_SCHEME, this.fs, { isCaseSensitive: true }),
      vscode.workspace.registerFileSystemProvider(VOLUME_SCHEME, this.fs, { isCaseSensitive: true }),
      showReadOnlyReasons(this.fs),
      this.fs,
      this.volumes,
    ];
  }

  /** Re-reads the folder of a Files row, whichever engine's tree shows it. */
  refresh(node: FilesNode): void {
    for (const tree of this.trees.values()) if (tree.refresh(node)) return;
  }

  /** The Files rows under one engine's container rows. */
  treeFor(session: EngineSession): FilesTree {
    let tree = this.trees.get(session);
    if (!tree) {
      tree = new FilesTree(this.fs, () => this.engines.idOf(session));
      this.trees.set(session, tree);
    }
    return tree;
  }

  dispose(): void {
    this.trees.forEach((t) => t.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
