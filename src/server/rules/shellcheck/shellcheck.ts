// ShellCheck over RUN bodies, when a `shellcheck` binary exists. Each body goes to one process run as its
// own file (so one body's syntax error does not hide the others), and findings are mapped back to the
// Dockerfile's line and column through the body's offset map. Results are cached per body text, so typing
// outside RUN instructions does not start ShellCheck, and typing in one RUN checks only that one.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Instruction } from 'dockerfile-ast';
import { LintContext, RawProblem } from '../context/lintContext';
import { RunBody } from '../context/runBody';

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

// Codes that misfire on Dockerfiles: variables come from ENV/ARG (SC2154), sourced files are in the image
// (SC1090/SC1091), and the dialect is the image's /bin/sh (SC2187).
const EXCLUDED = 'SC1090,SC1091,SC2154,SC2187';
const TIMEOUT_MS = 10_000;
/** Findings per RUN body, keyed by binary, dialect and script text; only changed bodies are checked again. */
const cache = new Map<string, ShellcheckComment[]>();
const CACHE_SIZE = 2000;

interface Job {
  bodies: Array<{ instruction: Instruction; body: RunBody; key: string }>;
  dialect: string;
  /** The bodies whose findings are not cached yet. */
  missing: Array<{ text: string; key: string }>;
}

function prepare(context: LintContext, binary: string): Job | undefined {
  const bash = context.instructions.some((i) => i.getKeyword() === 'SHELL' && /bash/.test(i.getArgumentsContent() ?? '')) ||
    /^\s*#\s*hadolint\s+shell\s*=\s*\S*bash\s*$/im.test(context.text);
  const dialect = bash ? 'bash' : 'sh';
  const bodies = [...context.runs()]
    .filter(({ body }) => body.script.text.trim() !== '')
    .map((run) => ({ ...run, key: `${binary}\0${dialect}\0${run.body.script.text}` }));
  if (bodies.length === 0) return undefined;
  const missing = new Map<string, string>();
  for (const { body, key } of bodies) if (!cache.has(key)) missing.set(key, body.script.text);
  return { bodies, dialect, missing: [...missing].map(([key, text]) => ({ key, text })) };
}

function writeFiles(job: Job): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockside-sc-'));
  const files = job.missing.map(({ text }, index) => {
    const file = path.join(dir, `run${index}.sh`);
    writeFileSync(file, text);
    return file;
  });
  return { dir, files };
}

function args(job: Job, files: string[]): string[] {
  return ['--format=json1', `--shell=${job.dialect}`, `--exclude=${EXCLUDED}`, ...files];
}

/** Stores the findings of one ShellCheck run per body; false when its output is unusable. */
function remember(job: Job, stdout: string, files: string[]): boolean {
  let parsed: { comments?: ShellcheckComment[] };
  try {
    parsed = JSON.parse(stdout) as { comments?: ShellcheckComment[] };
  } catch {
    return false;
  }
  const perFile: ShellcheckComment[][] = files.map(() => []);
  for (const comment of parsed.comments ?? []) {
    const index = files.indexOf(comment.file);
    if (index >= 0) perFile[index].push(comment);
  }
  job.missing.forEach(({ key }, index) => {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, perFile[index]);
  });
  return true;
}

/** Runs ShellCheck synchronously; an empty list when the binary is missing or fails. */
export function shellcheckSync(context: LintContext, binary: string): ShellcheckFinding[] {
  const job = prepare(context, binary);
  if (!job) return [];
  if (job.missing.length > 0) {
    const { dir, files } = writeFiles(job);
    try {
      const run = spawnSync(binary, args(job, files), { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 16 << 20 });
      if (run.error || run.stdout === null || !remember(job, run.stdout, files)) return [];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return toFindings(context, job);
}

export async function shellcheckAsync(context: LintContext, binary: string): Promise<ShellcheckFinding[]> {
  const job = prepare(context, binary);
  if (!job) return [];
  if (job.missing.length > 0) {
    const { dir, files } = writeFiles(job);
    const stdout = await new Promise<string | undefined>((resolve) => {
      execFile(binary, args(job, files), { timeout: TIMEOUT_MS, maxBuffer: 16 << 20 }, (error, out) => {
        // ShellCheck exits 1 when it found something; only a missing binary or a kill is a failure.
        resolve(error && typeof error.code !== 'number' ? undefined : out);
      });
    });
    rmSync(dir, { recursive: true, force: true });
    if (stdout === undefined || !remember(job, stdout, files)) return [];
  }
  return toFindings(context, job);
}

function toFindings(context: LintContext, job: Job): ShellcheckFinding[] {
  const findings: ShellcheckFinding[] = [];
  job.bodies.forEach(({ instruction, body, key }) => {
    const comments = cache.get(key) ?? [];
    const lineStarts = lineStartsOf(body.script.text);
    for (const comment of comments) {
      const start = offsetOf(body.script.text, lineStarts, comment.line, comment.column);
      let end = offsetOf(body.script.text, lineStarts, comment.endLine, comment.endColumn);
      // End columns after tabs are not always expanded like start columns: fall back to the word's end.
      if (end <= start) end = start + (/^\S*/.exec(body.script.text.slice(start))?.[0].length ?? 0);
      findings.push({
        ruleId: `SC${comment.code}`,
        range: context.scriptRange(body, start, end),
        details: [comment.message],
        anchorLine: instruction.getRange().start.line,
        severity: comment.level,
        message: comment.message,
      });
    }
  });
  return findings;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** ShellCheck columns are 1-based and count a tab as reaching the next multiple of 8. */
function offsetOf(text: string, lineStarts: number[], line: number, column: number): number {
  const lineStart = lineStarts[Math.min(Math.max(line - 1, 0), lineStarts.length - 1)];
  let visual = 1;
  let offset = lineStart;
  while (offset < text.length && text[offset] !== '\n' && visual < column) {
    visual = text[offset] === '\t' ? visual + 8 - ((visual - 1) % 8) : visual + 1;
    offset++;
  }
  return offset;
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
