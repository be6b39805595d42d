export interface NetworkIpamConfig {
  readonly subnet?: string;
  readonly gateway?: string;
  readonly ipRange?: string;
}

export interface NetworkSummary {
  readonly id: string;
  readonly name: string;
  readonly driver: string;
  readonly scope: string;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly ipv6: boolean;
  readonly ipam: readonly NetworkIpamConfig[];
  /** bridge, host and none: created by the engine, cannot be removed. */
  readonly builtIn: boolean;
  /** Milliseconds since the epoch. */
  readonly created: number;
  readonly labels: Readonly<Record<string, string>>;
}
