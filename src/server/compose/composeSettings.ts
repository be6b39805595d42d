// The compose language settings the server pulls per document (`dockside.compose.*`), read defensively:
// a workspace may hold anything in its settings.
import type { LintSeverity } from '../../shared/lintProtocol';

export { composeSettingsSection } from './composeSettingsSection';

export interface ComposeSettings {
  readonly enable: boolean;
  readonly ignoredRules: readonly string[];
  readonly severityOverrides: Readonly<Record<string, LintSeverity | 'off'>>;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'style', 'off']);

export function readComposeSettings(raw: unknown): ComposeSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as { validation?: { enable?: unknown }; lint?: { ignoredRules?: unknown; severityOverrides?: unknown } };
  const ignored = Array.isArray(section.lint?.ignoredRules) ? section.lint.ignoredRules.filter((id): id is string => typeof id === 'string') : [];
  const overrides: Record<string, LintSeverity | 'off'> = {};
  const rawOverrides = section.lint?.severityOverrides;
  if (rawOverrides && typeof rawOverrides === 'object') {
    for (const [id, level] of Object.entries(rawOverrides)) if (typeof level === 'string' && SEVERITIES.has(level)) overrides[id] = level as LintSeverity | 'off';
  }
  return { enable: section.validation?.enable !== false, ignoredRules: ignored, severityOverrides: overrides };
}
