// The API the engine speaks against the docker CLI's (and DOCKER_API_VERSION, which pins the client): a
// pinned version above the engine's makes every call fail with "client version … is too new".
import type { DoctorInput } from './doctorInput';
import { finding, type Finding } from './finding';

export function compareApiVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** `docker version --format '{{json .Client}}'` prints the client part even when no engine answers. */
export function parseClientApiVersion(stdout: string): string | undefined {
  try {
    const client = JSON.parse(stdout.trim().split('\n')[0] ?? '') as { ApiVersion?: string; APIVersion?: string };
    return client.ApiVersion ?? client.APIVersion;
  } catch {
    return undefined;
  }
}

export async function apiVersionFindings(input: DoctorInput): Promise<Finding[]> {
  if (input.engine.kind !== 'answered') return [];
  const facts = input.engine.facts;
  const pinned = input.host.env.DOCKER_API_VERSION;
  if (pinned && compareApiVersions(pinned, facts.apiVersion) > 0) {
    return [finding('apiVersionPinned', 'error', { pinned, engine: facts.apiVersion }, { command: 'unset DOCKER_API_VERSION' })];
  }
  const cli = await input.host.run('docker', ['version', '--format', '{{json .Client}}']);
  const client = cli ? parseClientApiVersion(cli.stdout) : undefined;
  const tooOld = client !== undefined && facts.minApiVersion !== undefined && compareApiVersions(client, facts.minApiVersion) < 0;
  const severity = tooOld ? 'error' : 'ok';
  return [finding('apiVersion', severity, { engine: facts.apiVersion, minimum: facts.minApiVersion ?? '', client: client ?? '', server: facts.serverVersion })];
}
