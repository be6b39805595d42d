// Runs the Docker doctor for the window's engine and keeps its last report. It runs by itself once for each
// new trouble (the engine cannot be reached, or answers with problems) and says so only through a context
// key the welcome views follow: never a popup. The doctor's bundle loads on the first run.
import * as vscode from 'vscode';
import { ContextKeys } from '../../constants';
import type { DoctorReport, EngineOutcome } from '../../doctor/index';
import type { EngineSession } from '../../session/engineSession';
import type { EngineState } from '../../session/engineState';

export type DoctorModule = typeof import('../../doctor/index');

const DOCTOR_PROBLEMS_KEY = ContextKeys.doctorProblems;
/**
 * A connected engine is checked once the window's first paint is long done: the checks spawn the docker CLI
 * and read /version and /info, which competed with the explorer's first read (issue 20). What they find shows
 * only in the welcome view of an empty Containers view. An engine that fails is diagnosed at once.
 */
const CONNECTED_CHECK_DELAY_MS = 3000;

export class DoctorService implements vscode.Disposable {
  private readonly reported = new vscode.EventEmitter<DoctorReport>();
  readonly onDidReport = this.reported.event;
  private last?: { report: DoctorReport; trouble: string };
  private readonly diagnosed = new Set<string>();
  /** A connected engine's background check, waiting for CONNECTED_CHECK_DELAY_MS. */
  private pendingCheck?: { readonly timer: NodeJS.Timeout; readonly trouble: string };
  private running?: { readonly report: Promise<DoctorReport>; readonly diskUsage: boolean };
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly session: EngineSession,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = session.onDidChangeState((state) => this.follow(state));
  }

  get report(): DoctorReport | undefined {
    return this.last?.report;
  }

  doctor(): Promise<DoctorModule> {
    return import('../../doctor/index');
  }

  /**
   * Runs every check now, one run at a time: a caller gets the run in flight when it is as complete as
   * asked, else the next one (a report opened during the background run still counts what prune frees).
   */
  run(options: { diskUsage?: boolean } = {}): Promise<DoctorReport> {
    const diskUsage = options.diskUsage ?? true;
    if (this.running && (this.running.diskUsage || !diskUsage)) return this.running.report;
    const previous = this.running?.report.catch(() => undefined);
    const report = (async () => {
      await previous;
      return this.diagnose(diskUsage);
    })().finally(() => {
      if (this.running?.report === report) this.running = undefined;
    });
    this.running = { report, diskUsage };
    return report;
  }

  private async diagnose(diskUsage: boolean): Promise<DoctorReport> {
    const [doctor, engine] = await Promise.all([this.doctor(), this.session.engine()]);
    if (this.session.state.kind === 'connecting') await this.session.client().catch(() => undefined);
    const state = this.session.state;
    let outcome: EngineOutcome;
    if (state.kind === 'connected') {
      try {
        outcome = { kind: 'answered', facts: await engine.readEngineFacts(await this.session.client(), { diskUsage }) };
      } catch (error) {
        const mapped = engine.toEngineError(error, state.endpoint.host);
        outcome = { kind: 'failed', code: mapped.code, message: engine.describeEngineError(mapped) };
      }
    } else {
      outcome = { kind: 'failed', code: state.kind === 'failed' ? state.code : 'unreachable', message: state.kind === 'failed' ? state.sentence : '' };
    }
    const endpoint = state.endpoint && { host: state.endpoint.host, source: state.endpoint.source, contextName: state.endpoint.contextName };
    const report = await doctor.runDoctor({ endpoint, engine: outcome, host: doctor.nodeHostAccess() });
    const problems = doctor.problemsOf(report.findings);
    this.log.info(`Docker doctor: ${problems.length} problem(s) in ${report.durationMs} ms for ${endpoint?.host ?? 'no engine'}${problems.length ? `: ${problems.map((f) => f.id).join(', ')}` : ''}`);
    this.last = { report, trouble: troubleOf(this.session.state) };
    void vscode.commands.executeCommand('setContext', DOCTOR_PROBLEMS_KEY, problems.length > 0);
    this.reported.fire(report);
    return report;
  }

  private follow(state: EngineState): void {
    const trouble = troubleOf(state);
    if (this.last && this.last.trouble !== trouble) void vscode.commands.executeCommand('setContext', DOCTOR_PROBLEMS_KEY, false);
    if (this.pendingCheck && this.pendingCheck.trouble !== trouble) this.cancelPendingCheck();
    if (state.kind === 'connecting' || (state.kind === 'failed' && state.code === 'untrusted') || this.diagnosed.has(trouble)) return;
    this.diagnosed.add(trouble);
    // In the background and without the slow /system/df: the report opened from the welcome view runs in full.
    const check = () => {
      this.pendingCheck = undefined;
      this.run({ diskUsage: false }).catch((error) => this.log.warn('The Docker doctor could not run', error));
    };
    if (state.kind === 'connected') this.pendingCheck = { timer: setTimeout(check, CONNECTED_CHECK_DELAY_MS), trouble };
    else check();
  }

  /** The state moved on before the check ran: it runs when that state comes back. */
  private cancelPendingCheck(): void {
    if (!this.pendingCheck) return;
    clearTimeout(this.pendingCheck.timer);
    this.diagnosed.delete(this.pendingCheck.trouble);
    this.pendingCheck = undefined;
  }

  dispose(): void {
    this.cancelPendingCheck();
    this.subscription.dispose();
    this.reported.dispose();
  }
}

/** One trouble per engine and state: the doctor runs once for each. */
function troubleOf(state: EngineState): string {
  return `${state.kind}|${state.endpoint?.host ?? ''}|${state.kind === 'failed' ? state.code : ''}`;
}
