// "Inspect" for every object kind: the engine's full answer as read-only JSON, one editor per object.
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';
import type { ManageServices } from '../manage/runOnTargets';
import { displayName, keyOf, resolveTargets, type TargetKind } from '../manage/targets';
import type { EngineDocuments } from './readOnlyDocuments';

const KINDS: readonly TargetKind[] = ['container', 'image', 'network', 'volume'];

/** Teaches the documents how to fetch each kind's inspect JSON (again on refresh). */
export function registerInspectProducers(documents: EngineDocuments, session: EngineSession): void {
  for (const kind of KINDS) {
    documents.register(kind, async (id) => {
      const [engine, client] = await Promise.all([session.engine(), session.client()]);
      return `${JSON.stringify(await engine.inspectObject(client, kind, id), null, 2)}\n`;
    });
  }
}

export function inspectCommand(services: ManageServices, kind: TargetKind, placeHolder: () => string) {
  return async (node?: unknown, nodes?: unknown): Promise<vscode.Uri[]> => {
    const targets = await resolveTargets(services.session, kind, node, nodes, { placeHolder: placeHolder() });
    const editors = await Promise.all(targets.map((t) => services.documents.open(kind, keyOf(kind, t), displayName(kind, t), '.json')));
    return editors.map((e) => e.document.uri);
  };
}
