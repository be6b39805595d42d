// Finds the compose CLI the way users have it: the `dockside.compose.command` setting (machine scope: a
// repository cannot choose what runs), else `docker compose` (the v2 plugin), else `docker-compose` (v1).
// Runs it with an argument array, never a shell. No vscode.
import { execFile, spawn } from 'node:child_process';
import { parseVersionOutput, type ComposeVersion } from './composeOutput';

export interface ComposeCli {
  /** The executable and the arguments before compose's own (`docker` + `compose`). */
  readonly command: string;
  readonly prefix: readonly string[];
  readonly version: ComposeVersion;
  /** As the user would type it: `docker compose`, `docker-compose`. */
  readonly label: string;
}

const PROBE_TIMEOUT_MS = 10_000;

function run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, [...args], { timeout: PROBE_TIMEOUT_MS, env, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function probe(command: string, prefix: readonly string[], env?: NodeJS.ProcessEnv): Promise<ComposeCli | undefined> {
  const label = [command, ...prefix].join(' ');
  // v2 answers JSON; v1 knows --short; anything else prints its version in words.
  for (const args of [['version', '--format', 'json'], ['version', '--short'], ['version']]) {
    const result = await run(command, [...prefix, ...args], env);
    if (result.code !== 0) continue;
    const version = parseVersionOutput(result.stdout);
    if (version) return { command, prefix, version, label };
  }
  return undefined;
}

/** Splits the setting into words (quotes group words); it names a command, it is never given to a shell. */
export function splitCommandLine(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

/** The compose CLI to use, or undefined with what was tried. */
export async function findComposeCli(configured: string | undefined, env?: NodeJS.ProcessEnv): Promise<{ cli?: ComposeCli; tried: string[] }> {
  const words = configured ? splitCommandLine(configured) : [];
  const candidates: [string, string[]][] = words.length > 0 ? [[words[0], words.slice(1)]] : [['docker', ['compose']], ['docker-compose', []]];
  const tried: string[] = [];
  for (const [command, prefix] of candidates) {
    tried.push([command, ...prefix].join(' '));
    const cli = await probe(command, prefix, env);
    if (cli) return { cli, tried };
  }
  return { tried };
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  /** Each line of stdout and stderr as it comes (compose prints its progress on stderr). */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly cancelled: boolean;
}

/** Runs `<cli> <args>`; a cancelled run gets SIGINT (compose stops cleanly), then SIGKILL after 5 s. */
export function runCompose(cli: ComposeCli, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cli.command, [...cli.prefix, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let cancelled = false;
    const pending = { stdout: '', stderr: '' };
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stream === 'stdout') stdout += text;
      else stderr += text;
      const lines = (pending[stream] + text).split(/\r?\n|\r/);
      pending[stream] = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line, stream);
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    let killTimer: NodeJS.Timeout | undefined;
    const abort = () => {
      cancelled = true;
      child.kill('SIGINT');
      killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    const finish = (code: number) => {
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', abort);
      for (const stream of ['stdout', 'stderr'] as const) if (pending[stream]) options.onLine?.(pending[stream], stream);
      resolve({ code, stdout, stderr, cancelled });
    };
    child.on('error', (error) => {
      stderr += String(error.message);
      finish(-1);
    });
    child.on('close', (code) => finish(code ?? -1));
  });
}
