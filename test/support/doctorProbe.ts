// Runs the Docker doctor in a process of its own and prints its findings as JSON: the live fault tests
// start it where the fault is, inside a network namespace (`ip netns exec`) or as another user, so the
// checks read /proc/sys and open sockets with that process's namespace and rights, as a user's would.
// argv[2]: JSON { endpoint, engine, roots? } (see DoctorInput).
import { nodeHostAccess, DEFAULT_ROOTS, type HostRoots } from '../../src/doctor/hostAccess';
import type { DoctorEndpoint, EngineOutcome } from '../../src/doctor/doctorInput';
import { runDoctor } from '../../src/doctor/runDoctor';

interface ProbeRequest {
  readonly endpoint: DoctorEndpoint;
  readonly engine: EngineOutcome;
  readonly roots?: Partial<HostRoots>;
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as ProbeRequest;
  const host = nodeHostAccess({ ...DEFAULT_ROOTS, ...request.roots });
  const report = await runDoctor({ endpoint: request.endpoint, engine: request.engine, host });
  process.stdout.write(JSON.stringify(report.findings));
}

void main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
