// ShellCheck over RUN bodies, when a `shellcheck` binary exists. All bodies that need checking go to one
// process as separate files (one body's syntax error does not hide the others; each file carries its own
// dialect in its shebang), and findings are mapped back to the Dockerfile's line and column. Results are
// cached per input text, so typing outside RUN instructions does not start ShellCheck, and typing in one
// RUN checks only that one. Many Dockerfiles can share one run (the CLI's batch mode).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Instruction } from 'dockerfile-ast';
import { LintContext, RawProblem } from '../context/lintContext';
import { RunBody } from '../context/runBody';
import { scriptOffset, ShellcheckInput, shellcheckInput, shellOptionsPerRun } from './shellcheckScript';

interface ShellcheckComment {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
}

export interface ShellcheckFinding extends RawProblem {
  severity: ShellcheckComment['level'];
  message: string;
}

// hadolint's exclusions (SC2187: ash checked as dash; SC1090/SC1091: sourced files live in the image), and
// SC2154: a variable from the base image's environment is unknown here, so "referenced but not assigned"
// would be noise on nearly every FROM of a language image (a deliberate difference from hadolint).
const EXCLUDED = 'SC1090,SC1091,SC2154,SC2187';
const TIMEOUT_MS = 10_000;
/** Bodies per process in a batch: enough to amortise start-up, few enough to spread over the cores. */
const BATCH_FILES = 200;
/** ShellCheck processes running at once in this process: typing never piles them up beyond this. */
const MAX_CONCURRENT = 2;
/** Findings per body input, keyed by binary and input text; only changed bodies are checked again. */
const cache = new Map<string, ShellcheckComment[]>();
const CACHE_SIZE = 2000;

interface CheckedBody {
  instruction: Instruction;
  body: RunBody;
  input: ShellcheckInput;
  key: string;
}

/** The RUN bodies of one Dockerfile that ShellCheck looks at. */
export interface ShellcheckJob {
  context: LintContext;
  binary: string;
  bodies: CheckedBody[];
}

export function shellcheckJob(context: LintContext, binary: string): ShellcheckJob | undefined {
  const options = shellOptionsPerRun(context);
  const bodies: CheckedBody[] = [];
  for (const { instruction, body } of context.runs()) {
    const runOptions = options.get(instruction);
    if (!runOptions || body.script.text.trim() === '') continue;
    const input = shellcheckInput(body.script.text, runOptions);
    if (input) bodies.push({ instruction, body, input, key: `${binary}\0${input.text}` });
  }
  return bodies.length > 0 ? { context, binary, bodies } : undefined;
}

/** Inputs of these jobs not cached yet, once each, grouped by binary. */
function missingInputs(jobs: readonly ShellcheckJob[]): Map<string, Map<string, string>> {
  const byBinary = new Map<string, Map<string, string>>();
  for (const job of jobs) {
    for (const { key, input } of job.bodies) {
      if (cache.has(key)) continue;
      let inputs = byBinary.get(job.binary);
      if (!inputs) byBinary.set(job.binary, (inputs = new Map()));
      inputs.set(key, input.text);
    }
  }
  return byBinary;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Batch {
  binary: string;
  entries: Array<[key: string, text: string]>;
}

function batchesOf(jobs: readonly ShellcheckJob[]): Batch[] {
  const batches: Batch[] = [];
  for (const [binary, inputs] of missingInputs(jobs)) {
    for (const entries of chunks([...inputs], BATCH_FILES)) batches.push({ binary, entries });
  }
  return batches;
}

function writeFiles(batch: Batch): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockside-sc-'));
  const files = batch.entries.map(([, text], index) => {
    const file = path.join(dir, `run${index}.sh`);
    writeFileSync(file, text);
    return file;
  });
  return { dir, files };
}

function args(files: string[]): string[] {
  return ['--format=json1', `--exclude=${EXCLUDED}`, ...files];
}

/** Stores the findings of one ShellCheck run per input; false when its output is unusable. */
function remember(batch: Batch, stdout: string, files: string[]): boolean {
  let parsed: { comments?: ShellcheckComment[] };
  try {
    parsed = JSON.parse(stdout) as { comments?: ShellcheckComment[] };
  } catch {
    return false;
  }
  const indexOf = new Map(files.map((file, index) => [file, index]));
  const perFile: ShellcheckComment[][] = files.map(() => []);
  for (const comment of parsed.comments ?? []) {
    const index = indexOf.get(comment.file);
    if (index !== undefined) perFile[index].push(comment);
  }
  batch.entries.forEach(([key], index) => {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, perFile[index]);
  });
  return true;
}

/** Runs ShellCheck synchronously over the bodies of all jobs; false when a run failed. */
export function runShellcheckSync(jobs: readonly ShellcheckJob[]): boolean {
  let ok = true;
  for (const batch of batchesOf(jobs)) {
    const { dir, files } = writeFiles(batch);
    try {
      const run = spawnSync(batch.binary, args(files), { encoding: 'utf8', timeout: TIMEOUT_MS * 3, maxBuffer: 64 << 20 });
      if (run.error || run.stdout === null || !remember(batch, run.stdout, files)) ok = false;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return ok;
}

/** Thrown when a run was cancelled because its document changed: the caller drops the result. */
export class ShellcheckCancelled extends Error {
  constructor() {
    super('ShellCheck run cancelled');
    this.name = 'ShellcheckCancelled';
  }
}

/**
 * Runs ShellCheck without blocking the event loop, at most MAX_CONCURRENT processes at once in this
 * process. Aborting the signal kills the process (or leaves the queue) and rejects with ShellcheckCancelled.
 * Resolves false when a run failed or timed out.
 */
export async function runShellcheckAsync(jobs: readonly ShellcheckJob[], signal?: AbortSignal): Promise<boolean> {
  const results = await Promise.all(batchesOf(jobs).map((batch) => withSlot(signal, () => runBatch(batch, signal))));
  return results.every(Boolean);
}

function runBatch(batch: Batch, signal?: AbortSignal): Promise<boolean> {
  const { dir, files } = writeFiles(batch);
  return new Promise<boolean>((resolve, reject) => {
    execFile(batch.binary, args(files), { timeout: TIMEOUT_MS, maxBuffer: 64 << 20, signal }, (error, stdout) => {
      rmSync(dir, { recursive: true, force: true });
      if (signal?.aborted) return reject(new ShellcheckCancelled());
      // ShellCheck exits 1 when it found something; only a missing binary or a kill is a failure.
      if (error && typeof error.code !== 'number') return resolve(false);
      resolve(remember(batch, stdout, files));
    });
  });
}

let running = 0;
const queue: Array<() => void> = [];

async function withSlot<T>(signal: AbortSignal | undefined, work: () => Promise<T>, limit = MAX_CONCURRENT): Promise<T> {
  if (running >= limit) {
    await new Promise<void>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', cancel);
        resolve();
      };
      const cancel = () => {
        queue.splice(queue.indexOf(start), 1);
        reject(new ShellcheckCancelled());
      };
      if (signal?.aborted) return reject(new ShellcheckCancelled());
      signal?.addEventListener('abort', cancel, { once: true });
      queue.push(start);
    });
  }
  if (signal?.aborted) throw new ShellcheckCancelled();
  running++;
  try {
    return await work();
  } finally {
    running--;
    queue.shift()?.();
  }
}

/**
 * Bodies a batch-mode process checks. Small batches spread the work evenly over the processes; a ShellCheck
 * start costs ~8 ms. Over the shared corpus (241 distinct bodies, 25–50 ms each) 24 a process beat 12 in
 * each of two alternating benchmark runs.
 */
export const POOL_BODIES_PER_PROCESS = 24;

/**
 * The command line's batch mode: RUN bodies are handed over file by file as the caller prepares them, and
 * every few new bodies go to a ShellCheck process of their own, up to `processes` at once, so ShellCheck
 * works on the other cores while this thread runs the pure rules on the next files. A body seen before (the
 * same RUN in several files) is checked once.
 */
export class ShellcheckPool {
  /** The run that checks each body scheduled so far (a batch not started yet included). */
  private readonly runOf = new Map<string, Promise<boolean>>();
  private readonly pending = new Map<string, PendingBatch>();

  constructor(
    private readonly processes: number,
    private readonly bodiesPerProcess = POOL_BODIES_PER_PROCESS,
  ) {}

  /**
   * Schedules the job's bodies that are not cached; resolves when all of them are checked, false when a run
   * that checked some failed. A batch not full yet starts with the next bodies or with startRemaining().
   */
  add(job: ShellcheckJob): Promise<boolean> {
    const runs = new Set<Promise<boolean>>();
    for (const { key, input } of job.bodies) {
      if (cache.has(key)) continue;
      let run = this.runOf.get(key);
      if (!run) {
        let batch = this.pending.get(job.binary);
        if (!batch) this.pending.set(job.binary, (batch = pendingBatch()));
        batch.entries.push([key, input.text]);
        run = batch.done;
        this.runOf.set(key, run);
        if (batch.entries.length >= this.bodiesPerProcess) this.start(job.binary);
      }
      runs.add(run);
    }
    return Promise.all(runs).then((outcomes) => outcomes.every(Boolean));
  }

  /** Starts the batches not full yet: no more bodies are coming. */
  startRemaining(): void {
    for (const binary of [...this.pending.keys()]) this.start(binary);
  }

  private start(binary: string): void {
    const batch = this.pending.get(binary);
    this.pending.delete(binary);
    if (!batch || batch.entries.length === 0) return;
    withSlot(undefined, () => runBatch({ binary, entries: batch.entries }), this.processes).then(batch.settle, batch.fail);
  }
}

interface PendingBatch {
  entries: Array<[key: string, text: string]>;
  done: Promise<boolean>;
  settle(ok: boolean): void;
  fail(error: unknown): void;
}

function pendingBatch(): PendingBatch {
  let settle!: (ok: boolean) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<boolean>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  // Every job that waits on it handles a failure; this keeps one nobody waits on from being unhandled.
  done.catch(() => undefined);
  return { entries: [], done, settle, fail };
}

/** ShellCheck processes running now in this process (for tests of the concurrency cap). */
export function runningShellchecks(): number {
  return running;
}

/** The cached findings of a job's bodies, mapped to the Dockerfile. */
export function shellcheckFindings(job: ShellcheckJob): ShellcheckFinding[] {
  const findings: ShellcheckFinding[] = [];
  for (const { instruction, body, input, key } of job.bodies) {
    const script = body.script.text;
    for (const comment of cache.get(key) ?? []) {
      if (comment.line <= input.headerLines) continue;
      const start = scriptOffset(input, script, comment.line, comment.column);
      let end = scriptOffset(input, script, comment.endLine, comment.endColumn);
      if (end <= start) end = start + (/^\S*/.exec(script.slice(start))?.[0].length ?? 0);
      findings.push({
        ruleId: `SC${comment.code}`,
        range: job.context.scriptRange(body, start, end),
        details: [comment.message],
        anchorLine: instruction.getRange().start.line,
        severity: comment.level,
        message: comment.message,
      });
    }
  }
  return findings;
}

/**
 * The binary to run: the configured path, else `shellcheck` if it is on PATH; undefined when none. Only
 * absolute paths count: the server's working folder may be a cloned repository, and a relative path (from a
 * setting or a PATH entry such as `.` or `bin`) would run the repository's own file as the user.
 */
export function resolveShellcheck(configured: string | null | undefined): string | undefined {
  if (configured === null) return undefined;
  if (configured) return path.isAbsolute(configured) ? configured : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, process.platform === 'win32' ? 'shellcheck.exe' : 'shellcheck');
    if (existsExecutable(candidate)) return candidate;
  }
  return undefined;
}

const executableCache = new Map<string, boolean>();

function existsExecutable(file: string): boolean {
  let known = executableCache.get(file);
  if (known === undefined) {
    known = existsSync(file) && spawnSync(file, ['--version'], { timeout: 5000 }).status === 0;
    executableCache.set(file, known);
  }
  return known;
}

/** True when some body of the job has no cached result: ShellCheck has to run. */
export function runShellcheckNeeded(job: ShellcheckJob): boolean {
  return job.bodies.some(({ key }) => !cache.has(key));
}
