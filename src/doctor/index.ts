// The Docker doctor's bundle entry (dist/doctor.js), loaded when the doctor first runs. No vscode here:
// the checks are pure over the engine's facts and what the machine's files and programs say.
export { runDoctor } from './runDoctor';
export type { DoctorReport } from './runDoctor';
export { nodeHostAccess, DEFAULT_ROOTS } from './hostAccess';
export type { HostAccess, HostRoots } from './hostAccess';
export type { DoctorEndpoint, DoctorInput, EngineOutcome } from './doctorInput';
export { problemsOf } from './finding';
export type { Finding, FindingId, FixAction, Severity } from './finding';
export { readEngineLog } from './engineLogs';
export type { EngineLog } from './engineLogs';
export { startEngineWithSystemd } from './engineStart';
