// Clock skew between this machine and the engine's (/info SystemTime): registries and TLS reject tokens
// and certificates that look not yet valid or expired, and logs --since/--until pick the wrong lines.
import type { DoctorInput } from './doctorInput';
import { finding, type Finding } from './finding';

export const SKEW_WARNING_SECONDS = 30;

/** RFC 3339 with nanoseconds ("2026-12-02T04:54:42.433682845Z"): Date.parse wants at most milliseconds. */
export function parseEngineTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const trimmed = text.replace(/(\.\d{3})\d+/, '$1');
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : at;
}

export function clockFindings(input: DoctorInput): Finding[] {
  if (input.engine.kind !== 'answered') return [];
  const engineTime = parseEngineTime(input.engine.facts.systemTime);
  if (engineTime === undefined) return [];
  const skewSeconds = Math.round((engineTime - input.engine.facts.observedAt) / 1000);
  const severity = Math.abs(skewSeconds) >= SKEW_WARNING_SECONDS ? 'warning' : 'ok';
  return [finding('clockSkew', severity, { seconds: Math.abs(skewSeconds), direction: skewSeconds >= 0 ? 'ahead' : 'behind' }, severity === 'ok' ? {} : { command: 'sudo timedatectl set-ntp true' })];
}
