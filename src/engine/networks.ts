// Network management: create (bridge, macvlan, ipvlan, overlay), remove, connect and disconnect containers.
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';
import type { ContainerRef } from './images';

export type NetworkDriver = 'bridge' | 'macvlan' | 'ipvlan' | 'overlay';

export interface NetworkCreateRequest {
  readonly name: string;
  readonly driver: NetworkDriver;
  readonly subnet?: string;
  readonly ipRange?: string;
  readonly gateway?: string;
  /** The host interface macvlan/ipvlan attach to (`-o parent=`). */
  readonly parent?: string;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly labels: Readonly<Record<string, string>>;
}

/** Returns the new network's id. */
export async function createNetwork(client: EngineClient, request: NetworkCreateRequest): Promise<string> {
  const ipamConfig = request.subnet ? [{ Subnet: request.subnet, IPRange: request.ipRange || undefined, Gateway: request.gateway || undefined }] : [];
  const network = await engineRequest(client, () =>
    client.docker.createNetwork({
      Name: request.name,
      Driver: request.driver,
      CheckDuplicate: true,
      Internal: request.internal,
      Attachable: request.attachable,
      Labels: { ...request.labels },
      IPAM: { Driver: 'default', Config: ipamConfig },
      Options: request.parent ? { parent: request.parent } : {},
    }),
  );
  return network.id as string;
}

export const removeNetwork = (client: EngineClient, id: string) => engineRequest(client, () => client.docker.getNetwork(id).remove());

export function connectContainer(client: EngineClient, network: string, container: string, options: { ipv4Address?: string; aliases?: readonly string[] } = {}): Promise<void> {
  const endpoint = { IPAMConfig: options.ipv4Address ? { IPv4Address: options.ipv4Address } : undefined, Aliases: options.aliases?.length ? [...options.aliases] : undefined };
  return engineRequest(client, () => client.docker.getNetwork(network).connect({ Container: container, EndpointConfig: endpoint }));
}

export const disconnectContainer = (client: EngineClient, network: string, container: string) =>
  engineRequest(client, () => client.docker.getNetwork(network).disconnect({ Container: container, Force: false }));

/** Containers attached to the network, from its inspect answer. */
export async function containersOnNetwork(client: EngineClient, network: string): Promise<ContainerRef[]> {
  const info = await engineRequest(client, () => client.docker.getNetwork(network).inspect());
  const attached = (info as { Containers?: Record<string, { Name: string }> }).Containers ?? {};
  return Object.entries(attached).map(([id, c]) => ({ id, name: c.Name, state: 'running' }));
}
