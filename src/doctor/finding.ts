// What a doctor's check says: a finding has an id (its texts live with the UI, in both languages), a
// severity, the facts its sentences quote, the command a user can copy, and the fix Dockside can run itself
// with the user's consent. Checks that pass say so too ('ok'), so the report shows what was looked at.
export type Severity = 'error' | 'warning' | 'info' | 'ok';

export type FindingId =
  | 'engineAnswers'
  | 'engineUnreachable'
  | 'socketChoice'
  | 'dockerHostElsewhere'
  | 'dockerdMissing'
  | 'dockerdNotRunning'
  | 'stalePidFile'
  | 'dockerdListensElsewhere'
  | 'socketMissing'
  | 'socketRefused'
  | 'socketPermission'
  | 'notInDockerGroup'
  | 'dockerGroupNotActive'
  | 'apiVersion'
  | 'apiVersionPinned'
  | 'ipForwardOff'
  | 'bridgeNfOff'
  | 'selinuxEnforcing'
  | 'diskLow'
  | 'diskSpace'
  | 'storageDriver'
  | 'cgroupVersion'
  | 'memoryLimitUnsupported'
  | 'cpuLimitUnsupported'
  | 'registryMirrors'
  | 'mirrorsNotApplied'
  | 'insecureRegistries'
  | 'credentialHelperMissing'
  | 'clockSkew'
  | 'engineWarning';

/** Fixes Dockside runs itself, after the user says yes. */
export type FixAction = 'prune' | 'startEngine';

export interface Finding {
  readonly id: FindingId;
  readonly severity: Severity;
  /** Values the finding's sentences quote, by name (paths, numbers, names). Never secrets. */
  readonly facts: Readonly<Record<string, string>>;
  /** A command line to copy into a terminal; POSIX shell syntax. */
  readonly command?: string;
  readonly fix?: FixAction;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, ok: 3 };

/** Most severe first; a stable sort keeps each family's own order. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** Findings that want the user's attention (not 'ok', not plain information). */
export function problemsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

export function finding(id: FindingId, severity: Severity, facts: Record<string, string | number> = {}, extra: { command?: string; fix?: FixAction } = {}): Finding {
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(facts)) text[k] = String(v);
  return { id, severity, facts: text, ...extra };
}
