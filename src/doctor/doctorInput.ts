// What the doctor is told about the engine before it looks at the machine: the endpoint Dockside chose and
// why, and either the engine's facts or how connecting failed.
import type { EngineFacts } from '../models/engineFacts';
import type { HostAccess } from './hostAccess';

export interface DoctorEndpoint {
  /** The URL dialled (unix:///var/run/docker.sock, tcp://…, ssh://…). */
  readonly host: string;
  /** Why this endpoint: setting, settingContext, DOCKER_HOST, DOCKER_CONTEXT, currentContext, workspace, default. */
  readonly source: string;
  readonly contextName?: string;
}

export type EngineOutcome =
  | { readonly kind: 'answered'; readonly facts: EngineFacts }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

export interface DoctorInput {
  readonly endpoint?: DoctorEndpoint;
  readonly engine: EngineOutcome;
  readonly host: HostAccess;
}

export const DEFAULT_SOCKET = '/var/run/docker.sock';

/** The socket path of a unix:// endpoint, else undefined (tcp, ssh and npipe engines live elsewhere). */
export function unixSocketOf(host: string | undefined): string | undefined {
  return host?.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
}

/** Host-side checks (sysctl, SELinux, free space, daemon.json) only describe the engine when it runs here. */
export function engineIsLocal(input: DoctorInput): boolean {
  return unixSocketOf(input.endpoint?.host) !== undefined;
}
