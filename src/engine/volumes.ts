// Volume management: create, remove, and who uses a volume (the usual reason removal fails).
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';
import type { ContainerRef } from './images';

export interface VolumeCreateRequest {
  readonly name: string;
  readonly driver: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Returns the volume's name (the engine picks one when `name` is empty). */
export async function createVolume(client: EngineClient, request: VolumeCreateRequest): Promise<string> {
  const options = { Name: request.name || undefined, Driver: request.driver || 'local', Labels: { ...request.labels } };
  const volume: unknown = await engineRequest(client, () => client.docker.createVolume(options as { Name: string }));
  return (volume as { Name?: string; name?: string }).Name ?? (volume as { name?: string }).name ?? request.name;
}

export const removeVolume = (client: EngineClient, name: string) => engineRequest(client, () => client.docker.getVolume(name).remove());

export async function containersUsingVolume(client: EngineClient, name: string): Promise<ContainerRef[]> {
  const list = await engineRequest(client, () => client.docker.listContainers({ all: true, filters: JSON.stringify({ volume: [name] }) }));
  return list.map((c) => ({ id: c.Id, name: (c.Names[0] ?? c.Id).replace(/^\//, ''), state: c.State }));
}
