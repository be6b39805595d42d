// `docker history`: the layers of an image as a readable table in a read-only editor.
import * as vscode from 'vscode';
import type { ImageLayer } from '../../engine/index';
import { formatBinarySize as humanSize } from '../../shared/byteSize';
import { formatDate } from '../../tree/format';
import type { ManageServices } from '../../manage/runOnTargets';
import { displayName, resolveTargets } from '../../manage/targets';

export const IMAGE_HISTORY_DOCUMENT = 'image-history';

export function registerImageHistoryDocument(services: ManageServices): void {
  services.documents.register(IMAGE_HISTORY_DOCUMENT, async (id) => {
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    return renderHistory(id, await engine.imageHistory(client, id));
  });
}

export function showImageHistory(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<vscode.Uri[]> => {
    const targets = await resolveTargets(services.session, 'image', node, nodes, { placeHolder: vscode.l10n.t('Choose an image to show its history') });
    const editors = await Promise.all(targets.map((i) => services.documents.open(IMAGE_HISTORY_DOCUMENT, i.id, `${displayName('image', i)} history`, '.txt')));
    return editors.map((e) => e.document.uri);
  };
}

function renderHistory(imageId: string, layers: readonly ImageLayer[]): string {
  const header = [vscode.l10n.t('CREATED'), vscode.l10n.t('SIZE'), vscode.l10n.t('CREATED BY')];
  const rows = layers.map((l) => [formatDate(l.created), humanSize(l.size), oneLine(l.createdBy) + (l.comment ? `  # ${l.comment}` : '')]);
  const widths = [0, 1].map((col) => Math.max(header[col].length, ...rows.map((r) => r[col].length)));
  const line = (cells: string[]) => `${cells[0].padEnd(widths[0])}  ${cells[1].padStart(widths[1])}  ${cells[2]}`;
  const total = humanSize(layers.reduce((s, l) => s + l.size, 0));
  return [vscode.l10n.t('Image {0}: {1} layers, {2}', imageId, layers.length, total), '', line(header), ...rows.map(line), ''].join('\n');
}

/** Build steps show as "/bin/sh -c #(nop)  CMD [...]"; keep them on one line and drop the noise. */
function oneLine(createdBy: string): string {
  return createdBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').replace(/\s+/g, ' ').trim();
}
