// Inspect for services, nodes, secrets and configs: the engine's answer as read-only JSON. Secrets carry no
// data in the engine's answer; configs' data is left out as well (engine/swarm.ts).
import * as vscode from 'vscode';
import type { ReadOnlyDocuments } from '../../inspect/readOnlyDocuments';
import type { SessionServices } from '../../session/sessionServices';
import { engineAndClient, nodeArgument, objectArgument, serviceArgument, type SwarmCommandServices } from './swarmCommandServices';

export type SwarmInspectKind = 'swarm-service' | 'swarm-node' | 'swarm-secret' | 'swarm-config';

/** Teaches the documents to read each kind again (on refresh, or a document restored with the window). */
export function registerSwarmInspectProducers(documents: ReadOnlyDocuments, services: SessionServices): void {
  const producers: Record<SwarmInspectKind, (id: string) => Promise<unknown>> = {
    'swarm-service': async (id) => engineAndClient(services).then(([e, c]) => e.inspectService(c, id)),
    'swarm-node': async (id) => engineAndClient(services).then(([e, c]) => e.inspectNode(c, id)),
    'swarm-secret': async (id) => engineAndClient(services).then(([e, c]) => e.inspectSwarmObject(c, 'secret', id)),
    'swarm-config': async (id) => engineAndClient(services).then(([e, c]) => e.inspectSwarmObject(c, 'config', id)),
  };
  for (const [kind, produce] of Object.entries(producers)) documents.register(kind, async (id) => `${JSON.stringify(await produce(id), null, 2)}\n`);
}

export function inspectSwarmItem(services: SwarmCommandServices, kind: SwarmInspectKind) {
  return async (node?: unknown): Promise<vscode.Uri> => {
    const [id, name] = await target(services, kind, node);
    const editor = await services.documents.open(kind, id, name, '.json');
    return editor.document.uri;
  };
}

async function target(services: SwarmCommandServices, kind: SwarmInspectKind, node: unknown): Promise<[string, string]> {
  const placeHolder = vscode.l10n.t('Choose what to inspect');
  switch (kind) {
    case 'swarm-service': {
      const s = await serviceArgument(services, node, placeHolder);
      return [s.id, s.name];
    }
    case 'swarm-node': {
      const n = await nodeArgument(services, node, placeHolder);
      return [n.id, n.hostname];
    }
    default: {
      const o = await objectArgument(services, kind === 'swarm-secret' ? 'secret' : 'config', node, placeHolder);
      return [o.id, o.name];
    }
  }
}
