// `docker system df` as a read-only, refreshable document.
import * as vscode from 'vscode';
import type { DiskUsage, DiskUsageRow } from '../../engine/index';
import { formatBinarySize as humanSize } from '../../shared/byteSize';
import { formatTime } from '../../tree/format';
import type { ManageServices } from '../../manage/runOnTargets';

export const DISK_USAGE_DOCUMENT = 'disk-usage';

export function registerDiskUsageDocument(services: ManageServices): void {
  services.documents.register(DISK_USAGE_DOCUMENT, async () => {
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    return renderDiskUsage(await engine.diskUsage(client));
  });
}

export function showDiskUsage(services: ManageServices) {
  return async (): Promise<vscode.Uri> => {
    const editor = await services.documents.open(DISK_USAGE_DOCUMENT, 'engine', vscode.l10n.t('Docker disk usage'), '.txt');
    return editor.document.uri;
  };
}

export function renderDiskUsage(usage: DiskUsage): string {
  const header = [vscode.l10n.t('TYPE'), vscode.l10n.t('TOTAL'), vscode.l10n.t('ACTIVE'), vscode.l10n.t('SIZE'), vscode.l10n.t('RECLAIMABLE')];
  const row = (label: string, r: DiskUsageRow) => {
    const percent = r.size > 0 ? ` (${Math.round((r.reclaimable / r.size) * 100)}%)` : '';
    return [label, String(r.total), String(r.active), humanSize(r.size), `${humanSize(r.reclaimable)}${percent}`];
  };
  const rows = [
    header,
    row(vscode.l10n.t('Images'), usage.images),
    row(vscode.l10n.t('Containers'), usage.containers),
    row(vscode.l10n.t('Local volumes'), usage.volumes),
    row(vscode.l10n.t('Build cache'), usage.buildCache),
  ];
  const widths = header.map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  const lines = rows.map((r) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('   '));
  const taken = vscode.l10n.t('Docker disk usage (docker system df), as of {0}', formatTime(Date.now()));
  return [taken, '', ...lines, '', vscode.l10n.t('Prune commands reclaim it: Dockside: Clean Up the Engine, or per kind.'), ''].join('\n');
}
