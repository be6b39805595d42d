// The Images view: one row per repository, its tags as children; dangling images under `<none>` when the
// toggle shows them. Each tag row says its size, age and how many containers use the image.
import * as vscode from 'vscode';
import type { ImageSummary } from '../../models/image';
import { imageContextValue, imageRepositoryContextValue } from '../contextValues';
import { ExplorerProvider, reuse, type ExplorerServices, type Repaint } from '../explorerProvider';
import type { ExplorerSettings } from '../explorerSettings';
import type { StoreChange } from '../explorerStore';
import { codeSpan as code, escapeMarkdown as md, containerCount, formatAge, formatBytes, formatDate, tagCount } from '../format';
import type { ImageNode, ImageRepositoryNode, ImagesViewNode } from '../nodes';
import type { ViewFilter } from '../viewFilter';
import { countContainersByImage, imageRows, NONE_REPOSITORY } from './imageRows';

export class ImagesProvider extends ExplorerProvider<ImagesViewNode> {
  private repositories = new Map<string, ImageRepositoryNode>();
  private tags = new Map<string, ImageNode>();
  /** Repository → its tag rows, as last shown. */
  private tagsByRepository = new Map<string, ImageNode[]>();
  /** Image id → containers using it; recounted when containers come or go. */
  private usage?: Map<string, number>;

  constructor(
    services: ExplorerServices,
    filter: ViewFilter,
    private readonly settings: ExplorerSettings,
  ) {
    super(services, filter, [settings.onDidChange]);
  }

  getTreeItem(node: ImagesViewNode): vscode.TreeItem {
    if (node.kind === 'imageRepository') {
      const item = new vscode.TreeItem(node.repository, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      const count = this.tagsByRepository.get(node.repository)?.length ?? 0;
      item.description = node.dangling ? vscode.l10n.t('{0} dangling', count) : tagCount(count);
      item.iconPath = new vscode.ThemeIcon(node.dangling ? 'question' : 'repo');
      item.contextValue = imageRepositoryContextValue(node.dangling);
      return item;
    }
    const usedBy = this.containersUsing(node.image);
    const item = new vscode.TreeItem(node.tag, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const parts = [formatBytes(node.image.size), formatAge(node.image.created)];
    if (usedBy) parts.push(containerCount(usedBy));
    item.description = parts.join(' · ');
    item.iconPath = new vscode.ThemeIcon(node.image.dangling ? 'circle-slash' : 'tag', usedBy ? new vscode.ThemeColor('charts.green') : undefined);
    item.contextValue = imageContextValue(node.image, usedBy);
    item.tooltip = this.tooltip(node.image, usedBy);
    return item;
  }

  protected roots(): ImagesViewNode[] {
    const rows = imageRows(this.store.all('images'), this.settings.showDangling).filter((r) => this.matches(r.reference, r.repository, r.tag));
    const repositories = new Map<string, ImageRepositoryNode>();
    const tags = new Map<string, ImageNode>();
    const byRepository = new Map<string, ImageNode[]>();
    for (const r of rows) {
      const node = reuse<ImageNode>(this.tags, tags, r.id, () => ({ kind: 'image', ...r }), (n) => (n.image = r.image));
      byRepository.set(r.repository, [...(byRepository.get(r.repository) ?? []), node]);
    }
    const roots = [...byRepository.keys()].map((repository) => {
      const id = `repository:${repository}`;
      const dangling = repository === NONE_REPOSITORY;
      return reuse<ImageRepositoryNode>(this.repositories, repositories, id, () => ({ kind: 'imageRepository', id, repository, dangling }), () => undefined);
    });
    this.repositories = repositories;
    this.tags = tags;
    this.tagsByRepository = byRepository;
    return roots;
  }

  protected children(node: ImagesViewNode): ImagesViewNode[] {
    return node.kind === 'imageRepository' ? (this.tagsByRepository.get(node.repository) ?? []) : [];
  }

  protected repaintFor(change: StoreChange): Repaint<ImagesViewNode> {
    // A new list of images may add, drop or move tags between repositories: rebuild (no engine call).
    if (change.images) {
      if (change.containers) this.usage = undefined;
      return 'all';
    }
    const containers = change.containers;
    if (!containers) return undefined;
    this.usage = undefined;
    // Container counts: repaint the tag rows of the images whose users changed.
    const imageIds = new Set<string>();
    for (const c of [...containers.added, ...containers.removed]) imageIds.add(c.imageId);
    for (const { before, after } of containers.changed) if (before.imageId !== after.imageId) imageIds.add(before.imageId).add(after.imageId);
    return [...this.tags.values()].filter((n) => imageIds.has(n.image.id));
  }

  private containersUsing(image: ImageSummary): number {
    this.usage ??= countContainersByImage(this.store.all('containers'));
    return this.usage.get(image.id) ?? 0;
  }

  private tooltip(image: ImageSummary, usedBy: number): vscode.MarkdownString {
    const out = new vscode.MarkdownString(undefined, true);
    out.appendMarkdown(`**${md(image.repoTags.join(', ') || '<none>')}**\n\n`);
    out.appendMarkdown(`${vscode.l10n.t('ID')}: ${code(image.id.replace(/^sha256:/, '').slice(0, 12))}  \n`);
    out.appendMarkdown(`${vscode.l10n.t('Size')}: ${formatBytes(image.size)}  \n`);
    out.appendMarkdown(`${vscode.l10n.t('Created')}: ${formatDate(image.created)}  \n`);
    out.appendMarkdown(`${vscode.l10n.t('Used by')}: ${containerCount(usedBy)}  \n`);
    for (const d of image.repoDigests) out.appendMarkdown(`${vscode.l10n.t('Digest')}: ${code(d)}  \n`);
    return out;
  }
}
