// `.hadolint.yaml` as teams already write it: ignored, override (error/warning/info/style),
// trustedRegistries, label-schema, strict-labels, failure-threshold. Found beside the Dockerfile or in a
// parent folder, or at the path a setting gives; re-read only when the file changes.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LintSeverity } from '../../../shared/lintProtocol';

export interface HadolintConfig {
  /** The file it came from, if any. */
  file?: string;
  ignored: string[];
  override: Record<string, LintSeverity>;
  trustedRegistries: string[];
  labelSchema: Record<string, string>;
  strictLabels: boolean;
  failureThreshold?: LintSeverity | 'none';
  /** Why the file could not be used, when it could not. */
  error?: string;
}

const EMPTY: HadolintConfig = { ignored: [], override: {}, trustedRegistries: [], labelSchema: {}, strictLabels: false };
const NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const SEVERITIES: LintSeverity[] = ['error', 'warning', 'info', 'style'];
const cache = new Map<string, { mtimeMs: number; config: HadolintConfig }>();

export function findHadolintConfig(dockerfilePath: string | undefined, explicitPath?: string): HadolintConfig {
  if (explicitPath) return readConfig(explicitPath) ?? { ...EMPTY, error: `cannot read ${explicitPath}` };
  if (!dockerfilePath) return EMPTY;
  let dir = path.dirname(dockerfilePath);
  for (let depth = 0; depth < 32; depth++) {
    for (const name of NAMES) {
      const config = readConfig(path.join(dir, name));
      if (config) return config;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return EMPTY;
}

function readConfig(file: string): HadolintConfig | undefined {
  let mtimeMs: number;
  try {
    // Most folders have no config: no exception for each of them (the command line asks for many files).
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return undefined;
    mtimeMs = stat.mtimeMs;
  } catch {
    return undefined;
  }
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.config;
  let config: HadolintConfig;
  try {
    config = { ...parseHadolintConfig(readFileSync(file, 'utf8')), file };
  } catch (error) {
    config = { ...EMPTY, file, error: error instanceof Error ? error.message : String(error) };
  }
  cache.set(file, { mtimeMs, config });
  return config;
}

export function parseHadolintConfig(text: string): HadolintConfig {
  // Loaded when a configuration file exists: most Dockerfiles have none, and the YAML library's start-up
  // would be paid by every dockside-lint run.
  const { parse } = require('yaml') as typeof import('yaml');
  const raw: unknown = parse(text) ?? {};
  if (typeof raw !== 'object' || raw === null) return EMPTY;
  const data = raw as Record<string, unknown>;
  const override: Record<string, LintSeverity> = {};
  const overrideSection = (data.override ?? {}) as Record<string, unknown>;
  for (const severity of SEVERITIES) {
    for (const id of stringList(overrideSection[severity])) override[id] = severity;
  }
  const schema: Record<string, string> = {};
  const schemaSection = data['label-schema'] ?? data.labelSchema;
  if (schemaSection && typeof schemaSection === 'object') {
    for (const [key, value] of Object.entries(schemaSection)) schema[key] = String(value);
  }
  const threshold = String(data['failure-threshold'] ?? data.failureThreshold ?? '');
  return {
    ignored: stringList(data.ignored),
    override,
    trustedRegistries: stringList(data.trustedRegistries ?? data['trusted-registries']),
    labelSchema: schema,
    strictLabels: data['strict-labels'] === true || data.strictLabels === true,
    failureThreshold: [...SEVERITIES, 'none'].includes(threshold) ? threshold as LintSeverity | 'none' : undefined,
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}
