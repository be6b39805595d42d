// What the container list does not carry but the tooltip shows: fetched on hover, one inspect per row.

export interface ContainerDetails {
  readonly id: string;
  /** "no", "always", "unless-stopped", "on-failure" (with the retry count when limited). */
  readonly restartPolicy: string;
  readonly maximumRetryCount: number;
  /** Bytes; 0 means no limit. */
  readonly memoryLimit: number;
  /** CPUs (NanoCpus / 1e9); 0 means no limit. */
  readonly cpus: number;
  readonly pidsLimit?: number;
  /** Milliseconds since the epoch of the last start, when it ever started. */
  readonly startedAt?: number;
  readonly exitCode?: number;
}
