// `docker run` through the API: the run options become one create body (the same body the docker CLI
// sends for the equivalent line, so both containers inspect alike), then the container starts.
import type Docker from 'dockerode';
import { capabilityName, engineCapability } from '../models/run/capabilities';
import * as runOptions from '../models/run/runOptions';
import type { RunOptions } from '../models/run/runOptions';
import { splitShellWords } from '../models/run/shellWords';
import type { EngineClient } from './client';
import { toEngineError } from './errors';

/**
 * The create body for these options. `env` is the final environment (env files, then -e entries, with
 * bare names already looked up), since reading files and the environment is the caller's business.
 */
export function containerCreateBody(o: RunOptions, env: readonly string[]): Docker.ContainerCreateOptions {
  const interactive = o.mode === 'interactive' || o.mode === 'interactiveDetached';
  const attached = o.mode === 'interactive';
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of o.ports ?? []) {
    const specs = runOptions.parsePortSpec(p);
    if ('error' in specs) continue;
    for (const s of specs) {
      const key = `${s.containerPort}/${s.protocol}`;
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: s.hostIp, HostPort: s.hostPort });
    }
  }
  const binds: string[] = [];
  const anonymous: Record<string, object> = {};
  for (const v of o.volumes ?? []) {
    const spec = runOptions.parseVolumeSpec(v);
    if ('error' in spec) continue;
    if (spec.kind === 'anonymous') anonymous[spec.target] = {};
    else binds.push(v.trim());
  }
  const restart = o.restart?.trim() ? runOptions.parseRestart(o.restart) : undefined;
  const command = o.command?.trim() ? splitShellWords(o.command) : undefined;
  const network = o.network?.trim() || undefined;
  const ip = o.ip?.trim();

  const hostConfig: Docker.HostConfig = {
    Binds: binds.length ? binds : undefined,
    PortBindings: Object.keys(bindings).length ? bindings : undefined,
    PublishAllPorts: o.publishAll || undefined,
    AutoRemove: o.remove || undefined,
    RestartPolicy: restart ? { Name: restart.name, MaximumRetryCount: restart.maximumRetryCount } : undefined,
    NetworkMode: network ?? 'default',
    Tmpfs: o.tmpfs?.length ? Object.fromEntries(o.tmpfs.map((t) => t.trim()).filter(Boolean).map((t) => splitAtFirst(t, ':'))) : undefined,
    CapAdd: capabilityList(o.capAdd),
    CapDrop: capabilityList(o.capDrop),
    Privileged: o.privileged || undefined,
    SecurityOpt: o.securityOpt?.length ? [...o.securityOpt] : undefined,
    NanoCpus: o.cpus?.trim() ? runOptions.parseCpus(o.cpus) : undefined,
    Memory: o.memory?.trim() ? runOptions.parseMemory(o.memory) : undefined,
    Devices: (o.devices ?? []).map(runOptions.parseDeviceSpec).filter((d) => !!d).map((d) => ({ PathOnHost: d.pathOnHost, PathInContainer: d.pathInContainer, CgroupPermissions: d.permissions })),
    // The docker CLI sends these lists empty rather than absent; so do we, so both containers inspect alike.
    ...CLI_EMPTY_LISTS,
  };
  const labels = Object.fromEntries((o.labels ?? []).map((l) => runOptions.splitKeyValue(l.trim())).map(({ key, value }) => [key, value ?? '']));
  return {
    name: o.name?.trim() || undefined,
    Image: o.image.trim(),
    Hostname: o.hostname?.trim() || undefined,
    User: o.user?.trim() || undefined,
    WorkingDir: o.workdir?.trim() || undefined,
    Entrypoint: o.entrypoint?.trim() ? [o.entrypoint.trim()] : undefined,
    Cmd: command?.length ? command : undefined,
    Env: env.length ? [...env] : undefined,
    Labels: Object.keys(labels).length ? labels : undefined,
    ExposedPorts: Object.keys(exposed).length ? exposed : undefined,
    Volumes: Object.keys(anonymous).length ? anonymous : undefined,
    Tty: interactive,
    OpenStdin: interactive,
    StdinOnce: attached,
    AttachStdin: attached,
    AttachStdout: attached,
    AttachStderr: attached,
    HostConfig: withoutUndefined(hostConfig),
    NetworkingConfig:
      network && ip ? { EndpointsConfig: { [network]: { IPAMConfig: runOptions.isIPv4(ip) ? { IPv4Address: ip } : { IPv6Address: ip } } } } : undefined,
  };
}

const CLI_EMPTY_LISTS = {
  Dns: [],
  DnsOptions: [],
  DnsSearch: [],
  BlkioWeightDevice: [],
  BlkioDeviceReadBps: [],
  BlkioDeviceWriteBps: [],
  BlkioDeviceReadIOps: [],
  BlkioDeviceWriteIOps: [],
  Ulimits: [],
};

export interface StartedContainer {
  readonly id: string;
  readonly name: string;
}

/** Creates and starts. When start fails the just-created container is removed, so a retry can reuse the name. */
export async function createAndStartContainer(client: EngineClient, body: Docker.ContainerCreateOptions): Promise<StartedContainer> {
  let container: Docker.Container | undefined;
  // The engine creates a named volume on create; a start that then fails must not leave it behind.
  const named = namedVolumes(body);
  const existing = named.length ? new Set(((await client.docker.listVolumes()).Volumes ?? []).map((v) => v.Name)) : new Set<string>();
  try {
    container = await client.docker.createContainer(body);
    await container.start();
    const info = await container.inspect();
    return { id: info.Id, name: info.Name.replace(/^\//, '') };
  } catch (error) {
    if (container) await container.remove({ force: true, v: true }).catch(() => undefined);
    for (const name of named.filter((n) => !existing.has(n))) await client.docker.getVolume(name).remove().catch(() => undefined);
    throw toEngineError(error, client.endpoint.host);
  }
}

/** Volume names in the create body's binds (`name:/path`), not host paths. */
function namedVolumes(body: Docker.ContainerCreateOptions): string[] {
  return (body.HostConfig?.Binds ?? []).map((b) => b.split(':')[0]).filter((source) => source && !source.startsWith('/') && !source.startsWith('.') && !source.startsWith('~'));
}

/** Normalised, de-duplicated and sorted, as the docker CLI sends them. */
function capabilityList(names: readonly string[] | undefined): string[] | undefined {
  if (!names?.length) return undefined;
  return [...new Set(names.map((c) => engineCapability(capabilityName(c) ?? c.trim())))].sort();
}

function splitAtFirst(text: string, separator: string): [string, string] {
  const i = text.indexOf(separator);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)];
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
