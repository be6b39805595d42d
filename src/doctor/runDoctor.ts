// Runs every check family and returns the findings, most severe first. The families are independent:
// one that throws is reported as such and never hides the others.
import { apiVersionFindings } from './apiVersionCheck';
import { cgroupFindings } from './cgroupCheck';
import { clockFindings } from './clockCheck';
import { credentialHelperFindings } from './credentialHelperCheck';
import { daemonFindings } from './daemonCheck';
import { diskFindings } from './diskCheck';
import type { DoctorInput } from './doctorInput';
import { warningText, warningTopic } from './engineWarnings';
import { bySeverity, finding, type Finding } from './finding';
import { networkFindings } from './networkCheck';
import { registryFindings } from './registryCheck';
import { selinuxFindings } from './selinuxCheck';
import { socketFindings } from './socketCheck';

export interface DoctorReport {
  readonly findings: readonly Finding[];
  /** Milliseconds since the epoch, when the checks finished. */
  readonly at: number;
  readonly durationMs: number;
  readonly endpoint?: string;
}

type Family = (input: DoctorInput) => Finding[] | Promise<Finding[]>;

const FAMILIES: readonly Family[] = [
  engineFindings,
  socketFindings,
  daemonFindings,
  apiVersionFindings,
  networkFindings,
  selinuxFindings,
  diskFindings,
  cgroupFindings,
  registryFindings,
  credentialHelperFindings,
  clockFindings,
];

export async function runDoctor(input: DoctorInput): Promise<DoctorReport> {
  const start = input.host.now();
  const results = await Promise.all(FAMILIES.map((family) => Promise.resolve().then(() => family(input)).catch((error: Error) => [finding('engineWarning', 'warning', { text: `doctor check failed: ${error.message}` })])));
  const end = input.host.now();
  return { findings: bySeverity(results.flat()), at: end, durationMs: end - start, endpoint: input.endpoint?.host };
}

/** Whether the engine answered, and its own warnings that no other check explains. */
function engineFindings(input: DoctorInput): Finding[] {
  const host = input.endpoint?.host ?? '';
  if (input.engine.kind === 'failed') return [finding('engineUnreachable', 'error', { host, code: input.engine.code, message: input.engine.message })];
  const facts = input.engine.facts;
  return [
    finding('engineAnswers', 'ok', { host, version: facts.serverVersion, api: facts.apiVersion, os: facts.operatingSystem }),
    ...facts.warnings.filter((w) => warningTopic(w) === 'other').map((w) => finding('engineWarning', 'warning', { text: warningText(w) })),
  ];
}
