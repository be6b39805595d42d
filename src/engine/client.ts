// The typed engine client: every call returns plain models and throws only EngineError.
import type Docker from 'dockerode';
import type { EngineEndpoint } from './connection';
import { createDocker } from './dial';
import type { ConfirmHostKey } from './ssh/sshDialAgent';
import { EngineError, MINIMUM_API_VERSION, apiVersionAtLeast, toEngineError } from './errors';
import { mapContainer, mapImage, mapInfo, mapNetwork, mapVersion, mapVolume } from './mappers';
import type { ContainerSummary } from '../models/container';
import type { EngineInfo, EngineVersion } from '../models/engine';
import type { ImageSummary } from '../models/image';
import type { NetworkSummary } from '../models/network';
import type { VolumeSummary } from '../models/volume';

export interface EngineClientOptions {
  /** Short requests (ping, lists, inspect) give up after this long. Streams are not limited. */
  readonly requestTimeoutMs?: number;
  /** ssh:// engines: asked about a host key that is in no known_hosts file (refused without it). */
  readonly confirmHostKey?: ConfirmHostKey;
  /** ssh:// engines: an ssh_config read instead of ~/.ssh/config (`ssh -F`). */
  readonly sshConfigFile?: string;
}

export interface ContainerListFilter {
  readonly label?: string[];
  readonly name?: string[];
  readonly id?: string[];
}

export class EngineClient {
  readonly docker: Docker;
  private readonly timeoutMs: number;

  constructor(
    readonly endpoint: EngineEndpoint,
    options: EngineClientOptions = {},
    docker?: Docker,
  ) {
    this.timeoutMs = options.requestTimeoutMs ?? 15_000;
    this.docker = docker ?? createDocker(endpoint, { confirmHostKey: options.confirmHostKey, sshConfigFile: options.sshConfigFile });
  }

  /** Closes kept-alive connections (ssh channels, TLS sockets) of a client that is no longer used. */
  close(): void {
    const agent = (this.docker.modem as { agent?: { destroy?: () => void } }).agent;
    agent?.destroy?.();
  }

  /** Answers when the engine is up; throws `apiTooOld` when it speaks an API older than we need. */
  async ping(): Promise<EngineVersion> {
    const version = await this.version();
    if (!apiVersionAtLeast(version.apiVersion, MINIMUM_API_VERSION)) {
      throw new EngineError('apiTooOld', `engine API ${version.apiVersion} < ${MINIMUM_API_VERSION}`, {
        endpoint: this.endpoint.host,
        apiVersion: version.apiVersion,
        minimumApiVersion: MINIMUM_API_VERSION,
      });
    }
    return version;
  }

  version(): Promise<EngineVersion> {
    return this.call((abortSignal) => abortable<Docker.DockerVersion>(this.docker, this.docker.version, abortSignal), mapVersion);
  }

  info(): Promise<EngineInfo> {
    return this.call((abortSignal) => abortable<Parameters<typeof mapInfo>[0]>(this.docker, this.docker.info, abortSignal), mapInfo);
  }

  listContainers(filter: ContainerListFilter = {}): Promise<ContainerSummary[]> {
    const filters = JSON.stringify(filter);
    return this.call(
      (abortSignal) => this.docker.listContainers({ all: true, filters, abortSignal }),
      (list) => list.map(mapContainer),
    );
  }

  listImages(): Promise<ImageSummary[]> {
    return this.call(
      (abortSignal) => this.docker.listImages({ all: false, abortSignal } as Docker.ListImagesOptions),
      (list) => list.map(mapImage),
    );
  }

  listNetworks(): Promise<NetworkSummary[]> {
    return this.call(
      (abortSignal) => this.docker.listNetworks({ abortSignal } as Docker.NetworkListOptions),
      (list) => (list as Docker.NetworkInspectInfo[]).map(mapNetwork),
    );
  }

  listVolumes(): Promise<VolumeSummary[]> {
    return this.call(
      (abortSignal) => abortable<unknown>(this.docker, this.docker.listVolumes, abortSignal),
      (result) => ((result as { Volumes?: Docker.VolumeInspectInfo[] | null }).Volumes ?? []).map(mapVolume),
    );
  }

  /** Runs one short request with a deadline; any failure leaves as an EngineError. */
  private async call<R, T>(request: (signal: AbortSignal) => Promise<R>, map: (raw: R) => T): Promise<T> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      return map(await request(controller.signal));
    } catch (error) {
      if (timedOut) {
        throw new EngineError('timeout', `no answer within ${this.timeoutMs} ms`, {
          endpoint: this.endpoint.host,
          timeoutMs: this.timeoutMs,
          cause: error,
        });
      }
      throw toEngineError(error, this.endpoint.host);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** dockerode honours `abortSignal` on these calls, but its typings only know the callback overloads. */
function abortable<T>(self: Docker, method: (...args: never[]) => unknown, abortSignal: AbortSignal): Promise<T> {
  return (method as unknown as (opts: { abortSignal: AbortSignal }) => Promise<T>).call(self, { abortSignal });
}
