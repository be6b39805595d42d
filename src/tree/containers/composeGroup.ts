// The compose project node of the Containers view: its state in words, the compose files it came from (the
// `com.docker.compose.project.config_files` and working-dir labels), and services with several replicas as
// sub-groups.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ContainerSummary } from '../../models/container';
import type { ComposeServiceNode, ContainerGroupNode } from '../nodes';
import { isRunning } from './containerOrder';

const SERVICE_LABEL = 'com.docker.compose.service';
const CONFIG_FILES_LABEL = 'com.docker.compose.project.config_files';
const WORKING_DIR_LABEL = 'com.docker.compose.project.working_dir';

/** "all running", "1/2 running, 1 exited", "all exited": the project's state at a glance. */
export function projectStateText(containers: readonly ContainerSummary[]): string {
  const running = containers.filter(isRunning).length;
  const exited = containers.filter((c) => c.state === 'exited' || c.state === 'dead').length;
  if (running === containers.length) return vscode.l10n.t('all {0} running', running);
  if (exited === containers.length) return vscode.l10n.t('all {0} exited', exited);
  return exited > 0 ? vscode.l10n.t('{0}/{1} running, {2} exited', running, containers.length, exited) : vscode.l10n.t('{0}/{1} running', running, containers.length);
}

/** The compose files of the project, absolute, from the first container that names them. */
export function projectFiles(containers: readonly ContainerSummary[]): { files: string[]; directory?: string } {
  const labels = containers.find((c) => c.labels[CONFIG_FILES_LABEL])?.labels ?? containers[0]?.labels ?? {};
  const directory = labels[WORKING_DIR_LABEL] || undefined;
  const files = (labels[CONFIG_FILES_LABEL] ?? '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => (directory ? path.resolve(directory, f) : f));
  return { files, directory };
}

export function decorateProjectItem(item: vscode.TreeItem, node: ContainerGroupNode): void {
  item.description = projectStateText(node.containers);
  const { files, directory } = projectFiles(node.containers);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${vscode.l10n.t('Compose project {0}', node.key)}**\n\n`);
  tooltip.appendMarkdown(`${projectStateText(node.containers)}\n\n`);
  if (files.length > 0) tooltip.appendMarkdown(`${vscode.l10n.t('Compose files: {0}', files.map((f) => `\`${f}\``).join(', '))}\n\n`);
  if (directory) tooltip.appendMarkdown(vscode.l10n.t('Working folder: {0}', `\`${directory}\``));
  item.tooltip = tooltip;
}

/**
 * The children of a project: a container row per service, or a service sub-group for a service with several
 * replicas. `rowFor` gives the existing row of a container; `reuseService` keeps service nodes stable.
 */
export function projectChildren<Row>(
  node: ContainerGroupNode,
  rowFor: (c: ContainerSummary) => Row | undefined,
  reuseService: (id: string, service: string, containers: ContainerSummary[]) => ComposeServiceNode,
): (Row | ComposeServiceNode)[] {
  const byService = new Map<string, ContainerSummary[]>();
  for (const c of node.containers) {
    const service = c.labels[SERVICE_LABEL] ?? '';
    byService.set(service, [...(byService.get(service) ?? []), c]);
  }
  const children: (Row | ComposeServiceNode)[] = [];
  const grouped = new Set<string>();
  for (const c of node.containers) {
    const service = c.labels[SERVICE_LABEL] ?? '';
    const replicas = byService.get(service)!;
    if (service && replicas.length > 1) {
      if (grouped.has(service)) continue;
      grouped.add(service);
      children.push(reuseService(`${node.id}/service:${service}`, service, replicas));
    } else {
      const row = rowFor(c);
      if (row) children.push(row);
    }
  }
  return children;
}

export function serviceTreeItem(node: ComposeServiceNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.service, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  const running = node.containers.filter(isRunning).length;
  item.description = vscode.l10n.t('{0} replicas, {1} running', node.containers.length, running);
  item.iconPath = new vscode.ThemeIcon('copy', running ? new vscode.ThemeColor('charts.green') : undefined);
  item.contextValue = 'composeService';
  return item;
}
