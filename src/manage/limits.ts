// What people type for `docker update` and labels, parsed the way the docker CLI parses it. Pure.
import type { RestartPolicy, RestartPolicyName } from '../engine/lifecycle';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** "512m", "1g", "1.5G", "1048576" → bytes; "0" → 0 (no limit); "-1" → -1 (unlimited swap). */
export function parseByteSize(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === '-1') return -1;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/.exec(t) ?? /^(\d+(?:\.\d+)?)\s*(b)$/.exec(t);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNITS[m[2] ?? '']);
}

/** The shortest exact form of a byte count for an input box default: 536870912 → "512m". */
export function formatByteSize(bytes: number): string {
  if (bytes <= 0) return String(bytes);
  for (const unit of ['t', 'g', 'm', 'k'] as const) {
    if (bytes % UNITS[unit] === 0) return `${bytes / UNITS[unit]}${unit}`;
  }
  return String(bytes);
}


/** "1.5" CPUs → nano-CPUs; "" or "0" → 0 (no limit). */
export function parseCpus(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return Math.round(Number(t) * 1e9);
}

export function formatCpus(nanoCpus: number): string {
  return String(nanoCpus / 1e9);
}

/** "no", "always", "unless-stopped", "on-failure", "on-failure:5". */
export function parseRestartPolicy(text: string): RestartPolicy | undefined {
  const m = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const name = m[1] as RestartPolicyName;
  if (m[2] !== undefined && name !== 'on-failure') return undefined;
  return { name, maximumRetryCount: m[2] ? Number(m[2]) : 0 };
}

export function formatRestartPolicy(policy: RestartPolicy): string {
  return policy.name === 'on-failure' && policy.maximumRetryCount > 0 ? `on-failure:${policy.maximumRetryCount}` : policy.name;
}

/** "team=web, tier=front" → { team: 'web', tier: 'front' }; undefined when a pair has no key. */
export function parseLabels(text: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    if (!key) return undefined;
    labels[key] = eq < 0 ? '' : pair.slice(eq + 1).trim();
  }
  return labels;
}
