// Registry credentials where docker keeps them: ~/.docker/config.json `auths`, the `credsStore` helper for
// every registry, `credHelpers` per registry, both through `docker-credential-<name>` (get/store/erase on
// stdin/stdout). Secrets never reach logs or error messages: failures name the helper and the registry only.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EngineClient } from './client';
import { EngineError, toEngineError } from './errors';

export const DOCKER_HUB = 'docker.io';
/** The key docker uses for Docker Hub in config.json and with credential helpers. */
const HUB_KEY = 'https://index.docker.io/v1/';

export interface RegistryCredentials {
  readonly username: string;
  readonly secret: string;
}

export interface DockerConfigAuths {
  readonly auths: Record<string, { auth?: string; identitytoken?: string }>;
  readonly credsStore?: string;
  readonly credHelpers: Record<string, string>;
}

/** "docker.io", "index.docker.io", "https://index.docker.io/v1/" → docker.io; others: host[:port]. */
export function normaliseRegistry(host: string): string {
  const bare = host.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return ['index.docker.io', 'registry-1.docker.io', 'docker.io', ''].includes(bare) ? DOCKER_HUB : bare;
}

/** The registry a reference lives on: "127.0.0.1:5000/app:1" → 127.0.0.1:5000, "nginx" → docker.io. */
export function registryOfReference(reference: string): string {
  const first = reference.split('/')[0];
  return reference.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? normaliseRegistry(first) : DOCKER_HUB;
}

export function readDockerConfig(configDir: string): DockerConfigAuths {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(configDir, 'config.json'), 'utf8')) as Partial<DockerConfigAuths>;
    return { auths: raw.auths ?? {}, credsStore: raw.credsStore || undefined, credHelpers: raw.credHelpers ?? {} };
  } catch {
    return { auths: {}, credHelpers: {} };
  }
}

/** Registries docker knows credentials for (auths and credHelpers keys), normalised. */
export function configuredRegistries(config: DockerConfigAuths): string[] {
  return [...new Set([...Object.keys(config.auths), ...Object.keys(config.credHelpers)].map(normaliseRegistry))];
}

/** The helper that holds this registry's credentials, if any: credHelpers first, then credsStore. */
export function helperFor(config: DockerConfigAuths, registry: string): string | undefined {
  const entry = Object.entries(config.credHelpers).find(([key]) => normaliseRegistry(key) === registry);
  return entry?.[1] ?? config.credsStore;
}

function helperKey(registry: string): string {
  return registry === DOCKER_HUB ? HUB_KEY : registry;
}

/** Credentials docker would use for this registry; undefined when it has none. */
export async function dockerCredentials(config: DockerConfigAuths, registry: string): Promise<RegistryCredentials | undefined> {
  const helper = helperFor(config, registry);
  if (helper) {
    try {
      const out = JSON.parse(await runHelper(helper, 'get', helperKey(registry))) as { Username?: string; Secret?: string };
      if (out.Secret) return { username: out.Username ?? '', secret: out.Secret };
    } catch {
      // "credentials not found" and a missing helper both mean: no credentials from the helper.
    }
  }
  const entry = Object.entries(config.auths).find(([key]) => normaliseRegistry(key) === registry)?.[1];
  if (entry?.identitytoken) return { username: '<token>', secret: entry.identitytoken };
  if (entry?.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { username: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  return undefined;
}

export async function storeWithHelper(helper: string, registry: string, credentials: RegistryCredentials): Promise<void> {
  await runHelper(helper, 'store', JSON.stringify({ ServerURL: helperKey(registry), Username: credentials.username, Secret: credentials.secret }));
}

export async function eraseWithHelper(helper: string, registry: string): Promise<void> {
  await runHelper(helper, 'erase', helperKey(registry));
}

function runHelper(helper: string, action: 'get' | 'store' | 'erase', input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(`docker-credential-${helper}`, [action], { timeout: 15_000 }, (error, stdout) => {
      // The helper's own output may echo what it was given: never pass it on.
      if (error) reject(new Error(`docker-credential-${helper} ${action} failed for the registry`));
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}

/** The engine's auth body for pulls, pushes and login checks. */
export function engineAuthConfig(registry: string, credentials: RegistryCredentials): Record<string, string> {
  const serveraddress = registry === DOCKER_HUB ? HUB_KEY : registry;
  return credentials.username === '<token>'
    ? { identitytoken: credentials.secret, serveraddress }
    : { username: credentials.username, password: credentials.secret, serveraddress };
}

/** Asks the engine to log in (POST /auth): resolves when the registry accepts, throws `unauthorized` otherwise. */
export async function verifyLogin(client: EngineClient, registry: string, credentials: RegistryCredentials): Promise<void> {
  try {
    await client.docker.checkAuth(engineAuthConfig(registry, credentials));
  } catch (error) {
    const mapped = toEngineError(error, client.endpoint.host);
    // Drop the cause: a modem error carries the request body, which holds the password.
    throw new EngineError(mapped.code, `login to ${registry} refused`, { endpoint: mapped.details.endpoint, statusCode: mapped.details.statusCode, engineMessage: mapped.details.engineMessage });
  }
}
