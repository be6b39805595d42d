// The Volumes view: driver, mountpoint, size once known, and the containers that mount each volume as
// children. Sizes cost the engine a walk of every volume (`system df`), so they are read on hover only.
import * as vscode from 'vscode';
import type { ContainerMount, ContainerSummary } from '../../models/container';
import type { VolumeSummary } from '../../models/volume';
import { containerTreeItem, stateLabel } from '../containers/containerItem';
import { volumeContextValue } from '../contextValues';
import { ExplorerProvider, refreshChildren, reuse, type Repaint } from '../explorerProvider';
import type { StoreChange } from '../explorerStore';
import { codeSpan as code, escapeMarkdown as md, containerCount, formatBytes, formatDate } from '../format';
import type { VolumeContainerNode, VolumeNode, VolumesViewNode } from '../nodes';

export class VolumesProvider extends ExplorerProvider<VolumesViewNode> {
  private volumes = new Map<string, VolumeNode>();
  private users = new Map<string, VolumeContainerNode>();

  getTreeItem(node: VolumesViewNode): vscode.TreeItem {
    if (node.kind === 'volumeContainer') {
      const access = node.mount.readOnly ? vscode.l10n.t('read-only') : vscode.l10n.t('read-write');
      return containerTreeItem(node.container, node.id, 'volumeContainer', `${node.mount.destination} · ${access} · ${stateLabel(node.container.state)}`);
    }
    const v = node.volume;
    const count = this.usersOf(v).length;
    const item = new vscode.TreeItem(v.name, count ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = volumeDescription(v, count);
    item.iconPath = new vscode.ThemeIcon('database', count ? new vscode.ThemeColor('charts.green') : undefined);
    item.contextValue = volumeContextValue(v, count);
    // The tooltip is filled on hover, with the size (resolveTreeItem).
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: VolumesViewNode): Promise<vscode.TreeItem> {
    if (node.kind !== 'volume') return item;
    if (node.volume.size === undefined) await this.learnSizes();
    const volume = this.store.get('volumes', node.volume.name) ?? node.volume;
    item.tooltip = volumeTooltip(volume, this.usersOf(volume).length);
    return item;
  }

  /** One disk-usage query fills the sizes of every volume (their rows repaint with it). */
  private async learnSizes(): Promise<void> {
    try {
      const [client, engine] = await Promise.all([this.services.session.client(), this.services.session.engine()]);
      const sizes = await engine.fetchVolumeSizes(client);
      for (const v of this.store.all('volumes')) {
        const size = sizes.get(v.name);
        if (size !== undefined) this.store.patch('volumes', { ...v, size });
      }
    } catch {
      // The tooltip goes without the size.
    }
  }

  protected roots(): VolumesViewNode[] {
    const next = new Map<string, VolumeNode>();
    const roots = this.store
      .all('volumes')
      .filter((v) => this.matches(v.name, v.driver, v.mountpoint))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((v) => reuse<VolumeNode>(this.volumes, next, v.name, () => ({ kind: 'volume', id: v.name, volume: v }), (node) => (node.volume = v)));
    this.volumes = next;
    return roots;
  }

  protected children(node: VolumesViewNode): VolumesViewNode[] {
    if (node.kind !== 'volume') return [];
    const rows = this.usersOf(node.volume).map(({ container, mount }): VolumeContainerNode => ({
      kind: 'volumeContainer',
      id: `${node.id}/${container.id}/${mount.destination}`,
      container,
      volume: node.volume,
      mount,
    }));
    return refreshChildren(this.users, node.id, rows);
  }

  protected repaintFor(change: StoreChange): Repaint<VolumesViewNode> {
    if (change.volumes) {
      const d = change.volumes;
      if (d.added.length || d.removed.length) return 'all';
      const nodes: VolumeNode[] = [];
      for (const { after } of d.changed) {
        const node = this.volumes.get(after.name);
        if (node) nodes.push(Object.assign(node, { volume: after }));
      }
      return nodes;
    }
    const containers = change.containers;
    if (!containers) return undefined;
    const touched = new Set<string>();
    const note = (c: ContainerSummary) => c.mounts.forEach((m) => m.type === 'volume' && m.name && touched.add(m.name));
    containers.added.forEach(note);
    containers.removed.forEach(note);
    containers.changed.forEach(({ before, after }) => (note(before), note(after)));
    return [...touched].map((name) => this.volumes.get(name)).filter((n): n is VolumeNode => !!n);
  }

  private usersOf(volume: VolumeSummary): { container: ContainerSummary; mount: ContainerMount }[] {
    const result = [];
    for (const container of this.store.all('containers')) {
      for (const mount of container.mounts) if (mount.type === 'volume' && mount.name === volume.name) result.push({ container, mount });
    }
    return result.sort((a, b) => a.container.name.localeCompare(b.container.name));
  }
}

function volumeDescription(v: VolumeSummary, users: number): string {
  const parts = [v.driver];
  if (v.size !== undefined) parts.push(formatBytes(v.size));
  parts.push(users ? containerCount(users) : vscode.l10n.t('unused'), v.mountpoint);
  return parts.join(' · ');
}

function volumeTooltip(v: VolumeSummary, users: number): vscode.MarkdownString {
  const out = new vscode.MarkdownString(undefined, true);
  out.appendMarkdown(`**${md(v.name)}**\n\n${vscode.l10n.t('Driver')}: ${md(v.driver)}  \n${vscode.l10n.t('Scope')}: ${md(v.scope)}  \n`);
  out.appendMarkdown(`${vscode.l10n.t('Mountpoint')}: ${code(v.mountpoint)}  \n`);
  out.appendMarkdown(`${vscode.l10n.t('Size')}: ${v.size !== undefined ? formatBytes(v.size) : vscode.l10n.t('unknown')}  \n`);
  out.appendMarkdown(`${vscode.l10n.t('Used by')}: ${containerCount(users)}  \n`);
  if (v.created) out.appendMarkdown(`${vscode.l10n.t('Created')}: ${formatDate(v.created)}  \n`);
  for (const [k, value] of Object.entries(v.labels).slice(0, 20)) out.appendMarkdown(`- ${code(k)} = ${code(value)}\n`);
  return out;
}
