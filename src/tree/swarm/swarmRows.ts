// The rows of the swarm views: services with their tasks, stacks, nodes, secrets and configs. Nodes carry
// their model and a stable id (the engine id, `<service>/<task>` for tasks); context values come from state
// and are matched by regex in package.json menus.
import * as vscode from 'vscode';
import type { SwarmNode, SwarmObject, SwarmService, SwarmSnapshot, SwarmTask } from '../../models/swarm';
import { replicaCounts, taskName, updateProgress } from '../../models/swarmMappers';
import { escapeMarkdown as md, formatAge } from '../format';

export type SwarmTreeNode =
  | { readonly kind: 'swarmService'; readonly id: string; readonly service: SwarmService }
  | { readonly kind: 'swarmTask'; readonly id: string; readonly task: SwarmTask; readonly service: SwarmService }
  | { readonly kind: 'swarmStack'; readonly id: string; readonly stack: string; readonly services: readonly SwarmService[] }
  | { readonly kind: 'swarmNode'; readonly id: string; readonly node: SwarmNode }
  | { readonly kind: 'swarmSecret' | 'swarmConfig'; readonly id: string; readonly object: SwarmObject };

/** How many ended tasks (failed, shut down) a service shows under its current ones: the last few say why. */
const ENDED_TASKS_SHOWN = 3;

export function serviceNodes(services: readonly SwarmService[], idPrefix = ''): SwarmTreeNode[] {
  return [...services].sort((a, b) => a.name.localeCompare(b.name)).map((service) => ({ kind: 'swarmService', id: `${idPrefix}${service.id}`, service }));
}

export function taskNodes(parentId: string, service: SwarmService, snapshot: SwarmSnapshot): SwarmTreeNode[] {
  const mine = snapshot.tasks.filter((t) => t.serviceId === service.id);
  const current = mine.filter((t) => t.desiredState === 'running' || t.desiredState === 'ready' || t.desiredState === 'complete');
  const ended = mine
    .filter((t) => !current.includes(t) && (t.state === 'failed' || t.state === 'rejected' || t.state === 'shutdown'))
    .sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0))
    .slice(0, ENDED_TASKS_SHOWN);
  const bySlot = (a: SwarmTask, b: SwarmTask) => (a.slot ?? 0) - (b.slot ?? 0) || (a.nodeId ?? '').localeCompare(b.nodeId ?? '');
  return [...current.sort(bySlot), ...ended].map((task) => ({ kind: 'swarmTask', id: `${parentId}/${task.id}`, task, service }));
}

export function stackNodes(services: readonly SwarmService[]): SwarmTreeNode[] {
  const stacks = new Map<string, SwarmService[]>();
  for (const s of services) if (s.stack) stacks.set(s.stack, [...(stacks.get(s.stack) ?? []), s]);
  return [...stacks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([stack, list]) => ({ kind: 'swarmStack', id: `stack:${stack}`, stack, services: list }));
}

function modeText(service: SwarmService): string {
  switch (service.mode) {
    case 'global':
      return vscode.l10n.t('global');
    case 'replicated-job':
      return vscode.l10n.t('replicated job');
    case 'global-job':
      return vscode.l10n.t('global job');
    default:
      return vscode.l10n.t('replicated');
  }
}

function updateText(service: SwarmService, snapshot: SwarmSnapshot): string | undefined {
  const status = service.updateStatus;
  if (!status) return undefined;
  const progress = updateProgress(service, snapshot.tasks);
  switch (status.state) {
    case 'updating':
      return vscode.l10n.t('updating {0}/{1}', progress?.done ?? 0, progress?.total ?? 0);
    case 'rollback_started':
      return vscode.l10n.t('rolling back {0}/{1}', progress?.done ?? 0, progress?.total ?? 0);
    case 'paused':
      return vscode.l10n.t('update paused');
    case 'rollback_paused':
      return vscode.l10n.t('rollback paused');
    case 'completed':
      return vscode.l10n.t('update completed');
    case 'rollback_completed':
      return vscode.l10n.t('rollback completed');
  }
}

export function serviceItem(node: Extract<SwarmTreeNode, { kind: 'swarmService' }>, snapshot: SwarmSnapshot): vscode.TreeItem {
  const s = node.service;
  const { running, desired } = replicaCounts(s, snapshot.tasks);
  const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const ports = s.ports.map((p) => (p.published ? `*:${p.published}→${p.target}/${p.protocol}` : `${p.target}/${p.protocol}`));
  item.description = [`${modeText(s)} ${running}/${desired}`, s.image, ...ports, updateText(s, snapshot)].filter(Boolean).join(' · ');
  const healthy = running === desired;
  item.iconPath = new vscode.ThemeIcon('server-process', new vscode.ThemeColor(healthy ? 'charts.green' : 'charts.yellow'));
  const updating = s.updateStatus?.state === 'updating' || s.updateStatus?.state === 'rollback_started';
  item.contextValue = ['swarmService', s.mode, s.canRollback ? 'rollback' : '', updating ? 'updating' : ''].filter(Boolean).join('.');
  const tooltip = new vscode.MarkdownString(`**${md(s.name)}**\n\n`);
  tooltip.appendMarkdown(`${vscode.l10n.t('Image')}: ${md(s.image)}  \n${vscode.l10n.t('Mode')}: ${md(modeText(s))}  \n${vscode.l10n.t('Replicas')}: ${running}/${desired}  \n`);
  if (s.updateStatus?.message) tooltip.appendMarkdown(`${vscode.l10n.t('Update')}: ${md(s.updateStatus.message)}  \n`);
  item.tooltip = tooltip;
  return item;
}

const TASK_ICONS: Partial<Record<SwarmTask['state'], [string, string]>> = {
  running: ['pass-filled', 'charts.green'],
  failed: ['error', 'charts.red'],
  rejected: ['error', 'charts.red'],
  complete: ['pass', 'charts.blue'],
  shutdown: ['circle-slash', 'disabledForeground'],
};

export function taskItem(node: Extract<SwarmTreeNode, { kind: 'swarmTask' }>, snapshot: SwarmSnapshot): vscode.TreeItem {
  const t = node.task;
  const item = new vscode.TreeItem(taskName(node.service, t), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const host = snapshot.nodes.find((n) => n.id === t.nodeId)?.hostname ?? t.nodeId?.slice(0, 12);
  const desired = t.desiredState !== t.state ? vscode.l10n.t('desired {0}', t.desiredState) : undefined;
  item.description = [t.state, host, desired, t.error].filter(Boolean).join(' · ');
  const [icon, color] = TASK_ICONS[t.state] ?? ['loading~spin', 'charts.yellow'];
  item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
  item.contextValue = `swarmTask.${t.state}`;
  item.tooltip = [`${taskName(node.service, t)} (${t.id})`, t.image, t.message, t.error, t.updatedAt ? formatAge(t.updatedAt) : ''].filter(Boolean).join('\n');
  return item;
}

export function stackItem(node: Extract<SwarmTreeNode, { kind: 'swarmStack' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.stack, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = node.services.length === 1 ? vscode.l10n.t('1 service') : vscode.l10n.t('{0} services', node.services.length);
  item.iconPath = new vscode.ThemeIcon('layers');
  item.contextValue = 'swarmStack';
  return item;
}

export function nodeItem(node: Extract<SwarmTreeNode, { kind: 'swarmNode' }>, self?: string): vscode.TreeItem {
  const n = node.node;
  const item = new vscode.TreeItem(n.hostname, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const labels = Object.entries(n.labels).map(([k, v]) => `${k}=${v}`);
  item.description = [n.role === 'manager' ? vscode.l10n.t('manager') : vscode.l10n.t('worker'), n.leader ? vscode.l10n.t('leader') : '', n.availability, n.status, n.engineVersion, ...labels].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(n.leader ? 'star-full' : 'vm', new vscode.ThemeColor(n.status === 'ready' ? 'charts.green' : 'charts.red'));
  item.contextValue = ['swarmNode', n.role, n.availability, n.id === self ? 'self' : ''].filter(Boolean).join('.');
  item.tooltip = [n.hostname, n.id, n.address, n.reachability].filter(Boolean).join('\n');
  return item;
}

export function objectItem(node: Extract<SwarmTreeNode, { kind: 'swarmSecret' | 'swarmConfig' }>): vscode.TreeItem {
  const o = node.object;
  const item = new vscode.TreeItem(o.name, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = [o.createdAt ? formatAge(o.createdAt) : '', ...Object.entries(o.labels).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(node.kind === 'swarmSecret' ? 'key' : 'file-code');
  item.contextValue = node.kind;
  return item;
}
