// The engine's full inspect answer for any object kind, as plain JSON for a read-only document.
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';

export type InspectableKind = 'container' | 'image' | 'network' | 'volume';

export function inspectObject(client: EngineClient, kind: InspectableKind, id: string): Promise<unknown> {
  const d = client.docker;
  switch (kind) {
    case 'container': return engineRequest(client, () => d.getContainer(id).inspect());
    case 'image': return engineRequest(client, () => d.getImage(id).inspect());
    case 'network': return engineRequest(client, () => d.getNetwork(id).inspect());
    case 'volume': return engineRequest(client, () => d.getVolume(id).inspect());
  }
}
