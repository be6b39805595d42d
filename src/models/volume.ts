export interface VolumeSummary {
  readonly name: string;
  readonly driver: string;
  readonly mountpoint: string;
  readonly scope: string;
  /** Milliseconds since the epoch, when the engine reports it. */
  readonly created?: number;
  readonly labels: Readonly<Record<string, string>>;
  /** Bytes, known only after a disk-usage query. */
  readonly size?: number;
  readonly refCount?: number;
}
