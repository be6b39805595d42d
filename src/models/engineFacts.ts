// What the Docker doctor needs from a running engine: /version, /info and /system/df reduced to plain
// fields (no dockerode types), so the doctor's checks stay pure and testable with literals.
export interface EngineFacts {
  readonly serverVersion: string;
  readonly apiVersion: string;
  readonly minApiVersion?: string;
  readonly operatingSystem: string;
  /** The engine's own warnings (`docker info` prints them at the end). */
  readonly warnings: readonly string[];
  readonly dockerRootDir: string;
  readonly storageDriver: string;
  /** "1" or "2"; absent on engines older than API 1.40. */
  readonly cgroupVersion?: string;
  readonly cgroupDriver?: string;
  readonly memoryLimit: boolean;
  readonly swapLimit: boolean;
  readonly cpuCfsQuota: boolean;
  readonly cpuShares: boolean;
  readonly ipv4Forwarding: boolean;
  /** Absent when the engine does not report it (newer engines dropped the field). */
  readonly bridgeNfIptables?: boolean;
  readonly registryMirrors: readonly string[];
  readonly insecureRegistries: readonly string[];
  /** The engine's clock when it answered, as it wrote it (RFC 3339), and our clock at that moment. */
  readonly systemTime?: string;
  readonly observedAt: number;
  readonly securityOptions: readonly string[];
  readonly rootless: boolean;
  /** What `docker system prune` (with -a and --volumes) could give back, by kind, in bytes. */
  readonly reclaimable?: { readonly images: number; readonly containers: number; readonly volumes: number; readonly buildCache: number };
}
