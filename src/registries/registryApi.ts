// Lists repositories and tags over the registry HTTP API v2 (Basic or Bearer-token auth, as the registry
// asks in WWW-Authenticate), and Docker Hub through its own API (it has no catalog). Pure node: no vscode.
// Credentials go only into Authorization headers; errors name the registry and status, nothing else.

export interface RegistryLogin {
  readonly username: string;
  readonly secret: string;
}

export class RegistryApiError extends Error {
  constructor(
    readonly registry: string,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryApiError';
  }
}

const HUB = 'docker.io';
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

/** Loopback registries speak plain HTTP (docker allows them insecure); everything else HTTPS. */
export function registryBaseUrl(registry: string): string {
  return `${LOOPBACK.test(registry) ? 'http' : 'https'}://${registry}`;
}

export async function listRepositories(registry: string, login: RegistryLogin | undefined, limit = 500): Promise<string[]> {
  if (registry === HUB) {
    if (!login || login.username === '<token>') return [];
    const body = await getJson<{ results?: { name: string; namespace: string }[] }>(registry, `https://hub.docker.com/v2/repositories/${encodeURIComponent(login.username)}/?page_size=100`, login);
    return (body.results ?? []).map((r) => `${r.namespace}/${r.name}`);
  }
  const body = await getJson<{ repositories?: string[] }>(registry, `${registryBaseUrl(registry)}/v2/_catalog?n=${limit}`, login);
  return body.repositories ?? [];
}

export async function listTags(registry: string, repository: string, login: RegistryLogin | undefined): Promise<string[]> {
  if (registry === HUB) {
    const body = await getJson<{ results?: { name: string }[] }>(registry, `https://hub.docker.com/v2/repositories/${repository}/tags/?page_size=100`, login);
    return (body.results ?? []).map((r) => r.name);
  }
  const body = await getJson<{ tags?: string[] | null }>(registry, `${registryBaseUrl(registry)}/v2/${repository}/tags/list`, login);
  return (body.tags ?? []).sort();
}

async function getJson<T>(registry: string, url: string, login: RegistryLogin | undefined): Promise<T> {
  let response = await request(registry, url, login ? basic(login) : undefined);
  if (response.status === 401) {
    const challenge = response.headers.get('www-authenticate') ?? '';
    const authorization = /^Bearer/i.test(challenge) ? await bearerToken(registry, challenge, login) : login ? basic(login) : undefined;
    if (authorization) response = await request(registry, url, authorization);
  }
  if (!response.ok) {
    const reason = response.status === 401 || response.status === 403 ? 'not authorised' : response.statusText;
    throw new RegistryApiError(registry, response.status, `${registry}: ${response.status} ${reason}`);
  }
  return (await response.json()) as T;
}

async function request(registry: string, url: string, authorization: string | undefined): Promise<Response> {
  try {
    return await fetch(url, { headers: authorization ? { authorization, accept: 'application/json' } : { accept: 'application/json' }, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new RegistryApiError(registry, undefined, `${registry}: ${code}`);
  }
}

function basic(login: RegistryLogin): string {
  return `Basic ${Buffer.from(`${login.username}:${login.secret}`).toString('base64')}`;
}

/** The token flow of the distribution spec: realm?service=…&scope=…, with Basic credentials when we have them. */
async function bearerToken(registry: string, challenge: string, login: RegistryLogin | undefined): Promise<string | undefined> {
  const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  if (!params.realm) return undefined;
  const url = new URL(params.realm);
  if (params.service) url.searchParams.set('service', params.service);
  if (params.scope) url.searchParams.set('scope', params.scope);
  const response = await request(registry, url.toString(), login && login.username !== '<token>' ? basic(login) : undefined);
  if (!response.ok) throw new RegistryApiError(registry, response.status, `${registry}: token ${response.status}`);
  const body = (await response.json()) as { token?: string; access_token?: string };
  const token = body.token ?? body.access_token;
  return token ? `Bearer ${token}` : undefined;
}
