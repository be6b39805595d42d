// How a container looks as a tree row, in any view. Pure over the model: no client, no engine calls.
import * as vscode from 'vscode';
import type { ContainerHealth, ContainerState, ContainerSummary } from '../../models/container';
import type { ContainerDetails } from '../../models/containerDetails';
import { containerContextValue, type ContainerRowKind } from '../contextValues';
import { statusWords } from './statusWords';
import { codeSpan as code, escapeMarkdown as md, formatBytes, formatDate, formatPort } from '../format';

const STATE_ICONS: Record<ContainerState, [icon: string, color?: string]> = {
  running: ['vm-running', 'charts.green'],
  paused: ['debug-pause', 'charts.yellow'],
  restarting: ['debug-restart', 'charts.yellow'],
  removing: ['trash', 'charts.red'],
  created: ['vm-outline'],
  exited: ['vm-outline', 'disabledForeground'],
  dead: ['error', 'charts.red'],
};

/** A health check's verdict shows over the running icon: the state users care about first. */
const HEALTH_ICONS: Record<Exclude<ContainerHealth, 'none'>, [icon: string, color: string]> = {
  healthy: ['pass', 'charts.green'],
  unhealthy: ['warning', 'charts.red'],
  starting: ['sync~spin', 'charts.yellow'],
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

export function healthLabel(health: ContainerHealth): string | undefined {
  switch (health) {
    case 'healthy': return vscode.l10n.t('healthy');
    case 'unhealthy': return vscode.l10n.t('unhealthy');
    case 'starting': return vscode.l10n.t('health check starting');
    case 'none': return undefined;
  }
}

/** A restart policy in the display language, with the `--restart` value the user would type. */
export function restartPolicyWords(policy: string, maximumRetryCount?: number): string {
  const value = code(policy === 'on-failure' && maximumRetryCount ? `on-failure:${maximumRetryCount}` : policy || 'no');
  switch (policy) {
    case '':
    case 'no': return vscode.l10n.t('never restarted ({0})', value);
    case 'always': return vscode.l10n.t('always restarted ({0})', value);
    case 'unless-stopped': return vscode.l10n.t('restarted unless stopped ({0})', value);
    case 'on-failure': return vscode.l10n.t('restarted on failure ({0})', value);
    default: return value;
  }
}

export function containerIcon(c: ContainerSummary): vscode.ThemeIcon {
  const [icon, color] = c.state === 'running' && c.health !== 'none' ? HEALTH_ICONS[c.health] : STATE_ICONS[c.state];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

/**
 * "Up 3 minutes (healthy) · 127.0.0.1:8080→80/tcp · CPU 1.0% · 12 MiB · image": what a narrow sidebar must
 * keep (state, ports) first, the image last, since VS Code cuts the description at the right edge.
 */
export function containerDescription(c: ContainerSummary, usage?: string): string {
  const ports = c.ports.filter((p) => p.publicPort).map(formatPort);
  return [c.status ? statusWords(c.status) : stateLabel(c.state), ...ports, usage, c.image].filter(Boolean).join(' · ');
}

/** A container row. `description` replaces the default one (rows under networks and volumes say more). */
export function containerTreeItem(c: ContainerSummary, id: string, kind: ContainerRowKind = 'container', description = containerDescription(c)): vscode.TreeItem {
  const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
  // The engine id keeps selection stable across updates.
  item.id = id;
  item.description = description;
  item.iconPath = containerIcon(c);
  item.contextValue = containerContextValue(c, kind);
  // The tooltip is left undefined: resolveTreeItem fills it on hover with the inspect details.
  const health = healthLabel(c.health);
  item.accessibilityInformation = { label: [c.name, c.image, stateLabel(c.state), health].filter(Boolean).join(', ') };
  return item;
}

/** id, image, command, created, status, ports, mounts, networks and IPs, restart policy, limits, labels. */
export function containerTooltip(c: ContainerSummary, details?: ContainerDetails): vscode.MarkdownString {
  const out = new vscode.MarkdownString(undefined, true);
  const line = (label: string, value: string) => out.appendMarkdown(`${label}: ${value}  \n`);
  out.appendMarkdown(`$(${containerIcon(c).id}) **${md(c.name)}** — ${md(c.status ? statusWords(c.status) : stateLabel(c.state))}\n\n`);
  line(vscode.l10n.t('ID'), code(c.id.slice(0, 12)));
  line(vscode.l10n.t('Image'), code(c.image));
  if (c.command) line(vscode.l10n.t('Command'), code(c.command));
  line(vscode.l10n.t('Created'), formatDate(c.created));
  if (details?.startedAt) line(vscode.l10n.t('Started'), formatDate(details.startedAt));
  if (c.state === 'exited' && details?.exitCode !== undefined) line(vscode.l10n.t('Exit code'), String(details.exitCode));
  if (c.composeProject) line(vscode.l10n.t('Compose project'), md(c.composeProject));
  if (c.ports.length) line(vscode.l10n.t('Ports'), c.ports.map((p) => code(formatPort(p))).join(', '));
  for (const n of c.networks) {
    line(vscode.l10n.t('Network {0}', md(n.name)), [n.ipAddress, n.ipv6Address].filter((ip): ip is string => !!ip).map((ip) => code(ip)).join(', ') || '—');
  }
  for (const m of c.mounts) {
    line(vscode.l10n.t('Mount'), `${code(m.name ?? m.source)} → ${code(m.destination)} (${m.type}${m.readOnly ? ', ro' : ''})`);
  }
  if (details) {
    line(vscode.l10n.t('Restart policy'), restartPolicyWords(details.restartPolicy, details.maximumRetryCount));
    const limits = [
      details.memoryLimit ? vscode.l10n.t('memory {0}', formatBytes(details.memoryLimit)) : undefined,
      details.cpus ? vscode.l10n.t('{0} CPUs', details.cpus) : undefined,
      details.pidsLimit ? vscode.l10n.t('{0} processes', details.pidsLimit) : undefined,
    ].filter(Boolean);
    line(vscode.l10n.t('Limits'), limits.length ? limits.join(', ') : vscode.l10n.t('none'));
  }
  const labels = Object.entries(c.labels);
  if (labels.length) {
    out.appendMarkdown(`\n${vscode.l10n.t('Labels')}:\n`);
    for (const [k, v] of labels.slice(0, 30)) out.appendMarkdown(`- ${code(k)} = ${code(v)}\n`);
    if (labels.length > 30) out.appendMarkdown(`- ${vscode.l10n.t('…and {0} more', labels.length - 30)}\n`);
  }
  return out;
}
