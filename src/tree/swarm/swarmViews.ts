// The swarm views (issue 17) in their own activity-bar container: Services (tasks as children), Stacks,
// Nodes, Secrets and Configs over one SwarmWatch. Only Services shows when the engine is not a manager: its
// welcome content offers to initialise a swarm, or says that only managers show the cluster.
import * as vscode from 'vscode';
import type { EngineSession } from '../../session/engineSession';
import { nodeItem, objectItem, serviceItem, serviceNodes, stackItem, stackNodes, taskItem, taskNodes, type SwarmTreeNode } from './swarmRows';
import { SwarmWatch } from './swarmWatch';

export const SwarmViewIds = {
  services: 'dockside.swarm.services',
  stacks: 'dockside.swarm.stacks',
  nodes: 'dockside.swarm.nodes',
  secrets: 'dockside.swarm.secrets',
  configs: 'dockside.swarm.configs',
} as const;

type SwarmViewId = (typeof SwarmViewIds)[keyof typeof SwarmViewIds];

class SwarmProvider implements vscode.TreeDataProvider<SwarmTreeNode> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly watch: SwarmWatch,
    private readonly view: SwarmViewId,
  ) {}

  repaint(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: SwarmTreeNode): SwarmTreeNode[] {
    const snapshot = this.watch.snapshot;
    if (this.watch.state?.role !== 'manager') return [];
    if (node?.kind === 'swarmService') return taskNodes(node.id, node.service, snapshot);
    if (node?.kind === 'swarmStack') return serviceNodes(node.services, `${node.id}/`);
    if (node) return [];
    switch (this.view) {
      case SwarmViewIds.services:
        return serviceNodes(snapshot.services);
      case SwarmViewIds.stacks:
        return stackNodes(snapshot.services);
      case SwarmViewIds.nodes:
        return [...snapshot.nodes].sort((a, b) => a.hostname.localeCompare(b.hostname)).map((n) => ({ kind: 'swarmNode', id: n.id, node: n }));
      case SwarmViewIds.secrets:
        return [...snapshot.secrets].sort((a, b) => a.name.localeCompare(b.name)).map((o) => ({ kind: 'swarmSecret', id: o.id, object: o }));
      case SwarmViewIds.configs:
        return [...snapshot.configs].sort((a, b) => a.name.localeCompare(b.name)).map((o) => ({ kind: 'swarmConfig', id: o.id, object: o }));
    }
  }

  getTreeItem(node: SwarmTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'swarmService':
        return serviceItem(node, this.watch.snapshot);
      case 'swarmTask':
        return taskItem(node, this.watch.snapshot);
      case 'swarmStack':
        return stackItem(node);
      case 'swarmNode':
        return nodeItem(node, this.watch.state?.nodeId);
      default:
        return objectItem(node);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class SwarmViews implements vscode.Disposable {
  readonly watch: SwarmWatch;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(session: EngineSession, log: vscode.LogOutputChannel) {
    this.watch = new SwarmWatch(session, log);
    this.disposables.push(this.watch);
    for (const id of Object.values(SwarmViewIds)) {
      const provider = new SwarmProvider(this.watch, id);
      const view = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: id === SwarmViewIds.services });
      this.disposables.push(provider, view, this.watch.onDidChange(() => provider.repaint()), view.onDidChangeVisibility((e) => this.watch.setVisible(id, e.visible)));
      if (view.visible) this.watch.setVisible(id, true);
    }
  }

  dispose(): void {
    this.disposables.reverse().forEach((d) => d.dispose());
  }
}
