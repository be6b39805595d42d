// How one container looks as a tree row. Pure over the model: no client, no engine calls.
import * as vscode from 'vscode';
import type { ContainerState, ContainerSummary } from '../../models/container';

const STATE_ICONS: Record<ContainerState, [icon: string, color?: string]> = {
  running: ['vm-running', 'charts.green'],
  paused: ['debug-pause', 'charts.yellow'],
  restarting: ['debug-restart', 'charts.yellow'],
  removing: ['trash', 'charts.red'],
  created: ['vm-outline'],
  exited: ['vm-outline', 'disabledForeground'],
  dead: ['error', 'charts.red'],
};

export function stateLabel(state: ContainerState): string {
  switch (state) {
    case 'running': return vscode.l10n.t('running');
    case 'paused': return vscode.l10n.t('paused');
    case 'restarting': return vscode.l10n.t('restarting');
    case 'removing': return vscode.l10n.t('removing');
    case 'created': return vscode.l10n.t('created');
    case 'exited': return vscode.l10n.t('exited');
    case 'dead': return vscode.l10n.t('dead');
  }
}

export function containerTreeItem(container: ContainerSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(container.name, vscode.TreeItemCollapsibleState.None);
  // The engine id keeps selection and expansion stable across refreshes.
  item.id = container.id;
  item.description = `${container.image} · ${stateLabel(container.state)}`;
  const [icon, color] = STATE_ICONS[container.state];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  item.contextValue = `container+${container.state}`;
  item.tooltip = tooltip(container);
  item.accessibilityInformation = { label: `${container.name}, ${container.image}, ${stateLabel(container.state)}` };
  return item;
}

function tooltip(c: ContainerSummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(c.name)}** — ${escape(c.status)}\n\n`);
  md.appendMarkdown(`${vscode.l10n.t('Image')}: \`${escape(c.image)}\`  \n`);
  md.appendMarkdown(`${vscode.l10n.t('ID')}: \`${c.id.slice(0, 12)}\`  \n`);
  md.appendMarkdown(`${vscode.l10n.t('Created')}: ${new Date(c.created).toLocaleString()}`);
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
