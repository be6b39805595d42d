// The Containers view: rows from the engine's container list; empty (so the welcome view shows) when no
// engine answers. Never pops up messages: the engine state is shown by the welcome view and status bar.
import * as vscode from 'vscode';
import type { ContainerSummary } from '../../models/container';
import type { EngineSession } from '../../session/engineSession';
import { containerTreeItem } from './containerItem';

export class ContainersProvider implements vscode.TreeDataProvider<ContainerSummary>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ContainerSummary | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly session: EngineSession,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = session.onDidChangeState(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(container: ContainerSummary): vscode.TreeItem {
    return containerTreeItem(container);
  }

  async getChildren(parent?: ContainerSummary): Promise<ContainerSummary[]> {
    if (parent || this.session.state.kind !== 'connected') return [];
    try {
      const client = await this.session.client();
      const containers = await client.listContainers();
      return containers.sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
      // The session notices the outage on its next ping; the tree only logs.
      this.log.warn('Listing containers failed', error);
      void this.session.connect();
      return [];
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
