// The engine's own warnings (/info Warnings, printed by `docker info`): those a dedicated check explains
// are folded into it; the rest are shown as they are.
export type WarningTopic = 'ipForward' | 'bridgeNf' | 'memoryLimit' | 'swapLimit' | 'cpuLimit' | 'other';

const TOPICS: readonly [RegExp, WarningTopic][] = [
  [/IPv4 forwarding is disabled/i, 'ipForward'],
  [/bridge-nf-call-ip6?tables is disabled/i, 'bridgeNf'],
  [/No (?:kernel )?memory limit support/i, 'memoryLimit'],
  [/No swap limit support/i, 'swapLimit'],
  [/No cpu (?:cfs (?:quota|period)|shares) support/i, 'cpuLimit'],
];

export function warningTopic(warning: string): WarningTopic {
  return TOPICS.find(([pattern]) => pattern.test(warning))?.[1] ?? 'other';
}

/** The engine prefixes each line with "WARNING: "; the report says that already. */
export function warningText(warning: string): string {
  return warning.replace(/^WARNING:\s*/i, '').trim();
}
