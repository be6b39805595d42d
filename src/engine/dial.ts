// Turns a resolved endpoint into dockerode's connection options.
import * as fs from 'node:fs';
import Docker from 'dockerode';
import type { EngineEndpoint } from './connection';
import { EngineError } from './errors';

export function createDocker(endpoint: EngineEndpoint): Docker {
  return new Docker(dialOptions(endpoint));
}

export function dialOptions(endpoint: EngineEndpoint): Docker.DockerOptions {
  const url = endpoint.host;
  if (url.startsWith('unix://')) return { socketPath: url.slice('unix://'.length) };
  if (url.startsWith('npipe://')) return { socketPath: url.slice('npipe://'.length).replace(/\//g, '\\') };

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new EngineError('unreachable', `cannot parse engine host "${url}"`, { endpoint: url, cause });
  }
  if (parsed.protocol === 'ssh:') {
    return {
      protocol: 'ssh',
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 22,
      username: decodeURIComponent(parsed.username) || undefined,
      // The agent carries the user's keys, as with `docker -H ssh://`.
      sshOptions: { agent: process.env.SSH_AUTH_SOCK },
    } as Docker.DockerOptions;
  }
  if (parsed.protocol === 'tcp:' || parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    const tls = endpoint.tls;
    const options: Docker.DockerOptions = {
      protocol: tls ? 'https' : 'http',
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : tls ? 2376 : 2375,
    };
    if (tls && endpoint.tlsFiles) {
      const f = endpoint.tlsFiles;
      const read = (file: string | undefined) => (file && fs.existsSync(file) ? fs.readFileSync(file) : undefined);
      Object.assign(options, { ca: read(f.ca), cert: read(f.cert), key: read(f.key) });
      if (!f.verify) Object.assign(options, { rejectUnauthorized: false });
    }
    return options;
  }
  throw new EngineError('unreachable', `unsupported engine host scheme "${parsed.protocol}" in ${url}`, { endpoint: url });
}
