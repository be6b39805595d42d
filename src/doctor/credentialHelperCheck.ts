// ~/.docker/config.json may name credential helpers ("credsStore", "credHelpers"): the CLI (and Dockside's
// login) run `docker-credential-<name>`, and a helper missing from PATH makes every pull and login fail
// with "executable file not found" (common after leaving Docker Desktop: credsStore "desktop").
import * as path from 'node:path';
import type { DoctorInput } from './doctorInput';
import { finding, type Finding } from './finding';

export interface CredentialHelpers {
  /** Helper name → the registries that use it ('*' for the default store). */
  readonly helpers: ReadonlyMap<string, readonly string[]>;
  readonly parseError?: string;
}

export function parseCredentialHelpers(text: string): CredentialHelpers {
  const helpers = new Map<string, string[]>();
  let config: { credsStore?: unknown; credHelpers?: unknown };
  try {
    config = JSON.parse(text) as typeof config;
  } catch (error) {
    return { helpers, parseError: (error as Error).message };
  }
  const add = (name: unknown, registry: string) => {
    if (typeof name !== 'string' || !name.trim()) return;
    helpers.set(name.trim(), [...(helpers.get(name.trim()) ?? []), registry]);
  };
  add(config.credsStore, '*');
  if (config.credHelpers && typeof config.credHelpers === 'object') for (const [registry, name] of Object.entries(config.credHelpers)) add(name, registry);
  return { helpers };
}

export function dockerConfigFile(env: NodeJS.ProcessEnv, home: string): string {
  return path.join(env.DOCKER_CONFIG || path.join(home, '.docker'), 'config.json');
}

export async function credentialHelperFindings(input: DoctorInput): Promise<Finding[]> {
  const file = dockerConfigFile(input.host.env, input.host.home);
  const text = await input.host.readFile(file);
  if (text === undefined) return [];
  const { helpers } = parseCredentialHelpers(text);
  const findings: Finding[] = [];
  for (const [name, registries] of helpers) {
    const program = `docker-credential-${name}`;
    if (await input.host.which(program)) continue;
    const key = registries.includes('*') ? 'credsStore' : 'credHelpers';
    findings.push(finding('credentialHelperMissing', 'error', { program, file, key, registries: registries.filter((r) => r !== '*').join(', ') }, { command: `${program} version || echo "${program} is not on PATH: install it, or remove \\"${key}\\" from ${file}"` }));
  }
  if (helpers.size && !findings.length) findings.push(finding('credentialHelperMissing', 'ok', { helpers: [...helpers.keys()].join(', ') }));
  return findings;
}
