// The hook through which other features hang rows under a container in the Containers view (the Files
// tree, issue 16). The Containers provider knows nothing of what the rows are: it asks the source for a
// container's children, for their children, and for their tree items, and repaints them when told.
import type * as vscode from 'vscode';
import type { ContainerNode } from '../nodes';

/** A row that a child source owns; `source` says which one. */
export interface ContainerChildNode {
  readonly kind: 'containerChild';
  readonly id: string;
  readonly source: string;
}

export interface ContainerChildSource {
  readonly id: string;
  /** Rows directly under a container row. */
  childrenOfContainer(node: ContainerNode): ContainerChildNode[];
  children(node: ContainerChildNode): Promise<ContainerChildNode[]>;
  treeItem(node: ContainerChildNode): vscode.TreeItem;
  /** Rows to repaint (undefined: all of this source's rows). */
  readonly onDidChange: vscode.Event<ContainerChildNode | undefined>;
}
