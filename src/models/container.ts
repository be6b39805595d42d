// Plain, immutable container data mapped from the engine. No vscode, no client handles.

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
export type ContainerHealth = 'healthy' | 'unhealthy' | 'starting' | 'none';

export interface PublishedPort {
  readonly privatePort: number;
  readonly publicPort?: number;
  readonly ip?: string;
  readonly protocol: 'tcp' | 'udp' | 'sctp';
}

export interface ContainerNetworkAttachment {
  readonly name: string;
  readonly networkId: string;
  readonly ipAddress?: string;
  readonly ipv6Address?: string;
  readonly macAddress?: string;
  /** The endpoint's gateway as the engine reports it (also for networks whose IPAM config omits it). */
  readonly gateway?: string;
}

export interface ContainerMount {
  readonly type: string;
  readonly name?: string;
  readonly source: string;
  readonly destination: string;
  readonly readOnly: boolean;
}

export interface ContainerSummary {
  readonly id: string;
  /** The primary name, without the leading slash. */
  readonly name: string;
  readonly image: string;
  readonly imageId: string;
  readonly command: string;
  /** Milliseconds since the epoch. */
  readonly created: number;
  readonly state: ContainerState;
  /** The engine's human status text, e.g. "Up 3 minutes (healthy)". */
  readonly status: string;
  readonly health: ContainerHealth;
  readonly ports: readonly PublishedPort[];
  readonly labels: Readonly<Record<string, string>>;
  readonly networks: readonly ContainerNetworkAttachment[];
  readonly mounts: readonly ContainerMount[];
  /** From the `com.docker.compose.project` label. */
  readonly composeProject?: string;
}
