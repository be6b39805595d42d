// Every prune: a confirmation that lists what will go, then one message that says what was freed.
import * as vscode from 'vscode';
import type { PruneKind, PruneOutcome, PruneScope } from '../engine/index';
import { formatBinarySize as humanSize } from '../shared/byteSize';
import { confirmChoice, listNames, type ManageServices } from './runOnTargets';

function kindLabel(kind: PruneKind, count: number): string {
  // English needs the singular for one; Chinese reads the same for both.
  const one = count === 1;
  switch (kind) {
    case 'containers': return one ? vscode.l10n.t('1 stopped container') : vscode.l10n.t('{0} stopped containers', count);
    case 'danglingImages': return one ? vscode.l10n.t('1 dangling image') : vscode.l10n.t('{0} dangling images', count);
    case 'unusedImages': return one ? vscode.l10n.t('1 unused image') : vscode.l10n.t('{0} unused images', count);
    case 'networks': return one ? vscode.l10n.t('1 unused network') : vscode.l10n.t('{0} unused networks', count);
    case 'volumes': return one ? vscode.l10n.t('1 unused volume and its data') : vscode.l10n.t('{0} unused volumes and their data', count);
    case 'buildCache': return one ? vscode.l10n.t('1 build cache entry') : vscode.l10n.t('{0} build cache entries', count);
  }
}

/** Prune commands take an optional `{ label: 'key=value' }` first argument (`docker ... prune --filter label=`). */
export function pruneScopeOf(arg: unknown): PruneScope {
  const label = (arg as { label?: unknown } | undefined)?.label;
  return typeof label === 'string' && label.includes('=') ? { label } : {};
}

export async function confirmAndPrune(services: ManageServices, title: string, kinds: readonly PruneKind[], scope: PruneScope = {}): Promise<PruneOutcome[]> {
  const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
  const previews = await Promise.all(kinds.map(async (kind) => ({ kind, names: await engine.prunePreview(client, kind, scope) })));
  const going = previews.filter((p) => p.names.length > 0);
  if (going.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: nothing to remove.', title));
    return [];
  }
  // Build cache ids mean nothing to people: count them only.
  const scoped = scope.label ? `${vscode.l10n.t('Only objects labelled {0}.', scope.label)}\n\n` : '';
  const detail = scoped + going.map((p) => `${kindLabel(p.kind, p.names.length)}${p.kind === 'buildCache' ? '' : `: ${listNames(p.names)}`}`).join('\n\n');
  await confirmChoice(vscode.l10n.t('{0}? This cannot be undone.', title), detail, vscode.l10n.t('Remove'));
  try {
    const outcomes = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async () => {
      const done: PruneOutcome[] = [];
      // In order: removing containers first frees the images, networks and volumes they held.
      for (const kind of kinds) done.push(await engine.prune(client, kind, scope));
      return done;
    });
    const freed = outcomes.reduce((s, o) => s + o.spaceReclaimed, 0);
    const removed = outcomes.filter((o) => o.removed.length > 0).map((o) => kindLabel(o.kind, o.removed.length));
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: freed {1}. Removed {2}.', title, humanSize(freed), removed.join(', ') || vscode.l10n.t('nothing')));
    services.log.info(`${title}: freed ${freed} bytes`, outcomes);
    return outcomes;
  } finally {
    services.refreshViews();
  }
}
