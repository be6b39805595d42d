// The explorer's settings, typed in one place, with one change event.
import * as vscode from 'vscode';

export type ContainerGrouping = 'none' | 'composeProject' | 'state' | 'image' | 'network';
export type ContainerSorting = 'name' | 'created' | 'state';

export const CONTAINER_GROUPINGS: readonly ContainerGrouping[] = ['none', 'composeProject', 'state', 'image', 'network'];
export const CONTAINER_SORTINGS: readonly ContainerSorting[] = ['name', 'created', 'state'];

export const ExplorerSettingKeys = {
  groupBy: 'containers.groupBy',
  sortBy: 'containers.sortBy',
  showDangling: 'images.showDangling',
  showUsage: 'containers.showUsage',
} as const;

export class ExplorerSettings implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (Object.values(ExplorerSettingKeys).some((k) => e.affectsConfiguration(`dockside.${k}`))) this.changed.fire();
    });
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('dockside');
  }

  get groupBy(): ContainerGrouping {
    const value = this.config.get<string>(ExplorerSettingKeys.groupBy, 'composeProject');
    return (CONTAINER_GROUPINGS as readonly string[]).includes(value) ? (value as ContainerGrouping) : 'composeProject';
  }

  get sortBy(): ContainerSorting {
    const value = this.config.get<string>(ExplorerSettingKeys.sortBy, 'name');
    return (CONTAINER_SORTINGS as readonly string[]).includes(value) ? (value as ContainerSorting) : 'name';
  }

  /** CPU and memory in the Containers descriptions (one stats stream per running container on screen). */
  get showUsage(): boolean {
    return this.config.get<boolean>(ExplorerSettingKeys.showUsage, false);
  }

  get showDangling(): boolean {
    return this.config.get<boolean>(ExplorerSettingKeys.showDangling, false);
  }

  /** Writes where the user keeps it: the workspace when it has a value there, else the user settings. */
  async update(key: (typeof ExplorerSettingKeys)[keyof typeof ExplorerSettingKeys], value: unknown): Promise<void> {
    const inspected = this.config.inspect(key);
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await this.config.update(key, value, target);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
