// The Registries view: each registry with credentials → its repositories → their tags, read over the
// registry HTTP API v2 when a row expands. A registry that fails says so in a row, never in a popup.
import * as vscode from 'vscode';
import { listRepositories, listTags } from './registryApi';
import { untrustedSentence } from '../session/workspaceTrust';
import type { RegistryCredentialStore } from './registryCredentials';

export type RegistryNode =
  | { readonly kind: 'registry'; readonly registry: string }
  | { readonly kind: 'repository'; readonly registry: string; readonly repository: string }
  | { readonly kind: 'tag'; readonly registry: string; readonly repository: string; readonly tag: string; readonly reference: string }
  | { readonly kind: 'message'; readonly id: string; readonly text: string; readonly tooltip?: string };

export class RegistriesProvider implements vscode.TreeDataProvider<RegistryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RegistryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly credentials: RegistryCredentialStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = credentials.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: RegistryNode): vscode.TreeItem {
    switch (node.kind) {
      case 'registry': {
        const item = new vscode.TreeItem(node.registry, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `registry:${node.registry}`;
        item.contextValue = 'registry';
        item.iconPath = new vscode.ThemeIcon('database');
        return item;
      }
      case 'repository': {
        const item = new vscode.TreeItem(node.repository, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `registry:${node.registry}/${node.repository}`;
        item.contextValue = 'registryRepository';
        item.iconPath = new vscode.ThemeIcon('repo');
        return item;
      }
      case 'tag': {
        const item = new vscode.TreeItem(node.tag, vscode.TreeItemCollapsibleState.None);
        item.id = `registry:${node.reference}`;
        item.description = node.reference;
        item.contextValue = 'registryTag';
        item.iconPath = new vscode.ThemeIcon('tag');
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon('warning');
        return item;
      }
    }
  }

  async getChildren(node?: RegistryNode): Promise<RegistryNode[]> {
    // Listing registries may run credential helpers and reach the network: not in Restricted Mode.
    if (!vscode.workspace.isTrusted) return node ? [] : [{ kind: 'message', id: 'untrusted', text: untrustedSentence() }];
    try {
      if (!node) return (await this.credentials.registries()).map((registry) => ({ kind: 'registry', registry }));
      if (node.kind === 'registry') {
        const repositories = await listRepositories(node.registry, await this.credentials.credentials(node.registry));
        if (!repositories.length) return [{ kind: 'message', id: `empty:${node.registry}`, text: vscode.l10n.t('No repositories') }];
        return repositories.map((repository) => ({ kind: 'repository', registry: node.registry, repository }));
      }
      if (node.kind === 'repository') {
        const tags = await listTags(node.registry, node.repository, await this.credentials.credentials(node.registry));
        const prefix = node.registry === 'docker.io' ? '' : `${node.registry}/`;
        return tags.map((tag) => ({ kind: 'tag', registry: node.registry, repository: node.repository, tag, reference: `${prefix}${node.repository}:${tag}` }));
      }
      return [];
    } catch (error) {
      this.log.warn(`Registries view: ${error instanceof Error ? error.message : String(error)}`);
      const where = node && node.kind !== 'message' ? node.registry : '';
      return [{ kind: 'message', id: `error:${where}:${node?.kind ?? 'root'}`, text: vscode.l10n.t('Could not read {0}: {1}', where, error instanceof Error ? error.message : String(error)) }];
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
