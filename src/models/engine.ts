/** Where the engine is and how it was chosen, as the user should see it. */
export interface EngineEndpointDescription {
  /** The context name, or the host URL when no context applies. */
  readonly label: string;
  /** The URL dialled: unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host, npipe:////./pipe/... */
  readonly host: string;
  readonly source: EndpointSource;
  readonly contextName?: string;
  readonly tls: boolean;
  /** Said once when connecting: TLS without verification, or plain tcp that anyone on the network can use. */
  readonly warning?: EndpointWarning;
}

/** tlsVerifyZero: DOCKER_TLS_VERIFY=0 still verifies, as in the docker CLI; the user may have meant otherwise. */
export type EndpointWarning = 'tlsUnverified' | 'plainTcp' | 'tlsVerifyZero';

export type EndpointSource = 'setting' | 'settingContext' | 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'currentContext' | 'default' | 'workspace';

export interface EngineVersion {
  readonly version: string;
  readonly apiVersion: string;
  readonly minApiVersion?: string;
  readonly os: string;
  readonly arch: string;
  readonly kernelVersion?: string;
  readonly gitCommit?: string;
  /** Podman answers Docker's API with differences (no BuildKit, no swarm): the UI says so where it matters. */
  readonly flavor?: 'docker' | 'podman';
}

export interface EngineInfo {
  readonly name: string;
  readonly serverVersion: string;
  readonly operatingSystem: string;
  readonly containers: number;
  readonly containersRunning: number;
  readonly containersPaused: number;
  readonly containersStopped: number;
  readonly images: number;
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly storageDriver: string;
  readonly rootless: boolean;
}
