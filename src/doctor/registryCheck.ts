// Registry mirrors and insecure registries as the engine applies them (/info RegistryConfig), compared with
// what /etc/docker/daemon.json asks for: mirrors written there but missing from /info mean the daemon was
// not restarted (or the file does not parse), the handbook's "mirror not applied".
import * as path from 'node:path';
import { engineIsLocal, type DoctorInput } from './doctorInput';
import { finding, type Finding } from './finding';

/** Loopback is insecure-allowed by the engine itself; only what the user added is worth a word. */
const BUILT_IN_INSECURE = new Set(['127.0.0.0/8', '::1/128']);

export interface DaemonJson {
  readonly mirrors: readonly string[];
  readonly insecure: readonly string[];
  readonly parseError?: string;
}

export function parseDaemonJson(text: string): DaemonJson {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const list = (key: string) => (Array.isArray(value[key]) ? (value[key] as unknown[]).filter((v): v is string => typeof v === 'string') : []);
    return { mirrors: list('registry-mirrors'), insecure: list('insecure-registries') };
  } catch (error) {
    return { mirrors: [], insecure: [], parseError: (error as Error).message };
  }
}

/** Mirrors compare without a trailing slash: the engine normalises "https://m.example/" to "https://m.example/". */
const normal = (url: string) => url.trim().replace(/\/+$/, '');

export async function registryFindings(input: DoctorInput): Promise<Finding[]> {
  if (input.engine.kind !== 'answered') return [];
  const facts = input.engine.facts;
  const findings: Finding[] = [];
  findings.push(finding('registryMirrors', facts.registryMirrors.length ? 'info' : 'ok', { mirrors: facts.registryMirrors.join(', ') }));
  const added = facts.insecureRegistries.filter((r) => !BUILT_IN_INSECURE.has(r));
  if (added.length) findings.push(finding('insecureRegistries', 'warning', { registries: added.join(', ') }));
  if (!engineIsLocal(input)) return findings;
  const file = path.join(input.host.roots.etc, 'docker', 'daemon.json');
  const text = await input.host.readFile(file);
  if (text === undefined) return findings;
  const wanted = parseDaemonJson(text);
  const applied = new Set(facts.registryMirrors.map(normal));
  const missing = wanted.mirrors.filter((m) => !applied.has(normal(m)));
  if (wanted.parseError || missing.length) {
    findings.push(finding('mirrorsNotApplied', 'warning', { file, missing: missing.join(', '), parseError: wanted.parseError ?? '' }, { command: wanted.parseError ? `python3 -m json.tool ${file}` : 'sudo systemctl restart docker' }));
  }
  return findings;
}
