// The `dockside` task types as tasks.json writes them, and what each one asks of the engine or the compose
// CLI: a build request, a saved run configuration's name, a compose argument array. Paths in a definition
// are relative to the task's workspace folder. No vscode, so the mapping is unit-tested.
import * as path from 'node:path';
import type { ComposeProjectSpec } from '../compose/composeProject';

export const TASK_TYPE = 'dockside';

export interface BuildTaskDefinition {
  readonly type: typeof TASK_TYPE;
  readonly task: 'build';
  readonly dockerfile: string;
  readonly context?: string;
  readonly tag?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly noCache?: boolean;
}

export interface RunTaskDefinition {
  readonly type: typeof TASK_TYPE;
  readonly task: 'run';
  readonly configuration: string;
}

export interface ComposeTaskDefinition {
  readonly type: typeof TASK_TYPE;
  readonly task: 'compose';
  readonly action: 'up' | 'down';
  readonly file?: string;
  readonly services?: readonly string[];
  readonly build?: boolean;
  readonly removeVolumes?: boolean;
}

export type DocksideTaskDefinition = BuildTaskDefinition | RunTaskDefinition | ComposeTaskDefinition;

/** What a build task hands to the engine (the builder is chosen when it runs). */
export interface BuildTaskRequest {
  readonly dockerfile: string;
  readonly contextDir: string;
  readonly tag?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly noCache?: boolean;
}

/** A definition from tasks.json is any JSON: the reason it cannot run, or undefined when it can. */
export function definitionProblem(definition: Record<string, unknown>): string | undefined {
  const text = (key: string) => typeof definition[key] === 'string' && (definition[key] as string).trim() !== '';
  switch (definition.task) {
    case 'build':
      return text('dockerfile') ? undefined : 'dockerfile';
    case 'run':
      return text('configuration') ? undefined : 'configuration';
    case 'compose':
      return definition.action === 'up' || definition.action === 'down' ? undefined : 'action';
    default:
      return 'task';
  }
}

/** The build request: the context defaults to the Dockerfile's folder, as `docker build -f x/Dockerfile x` would. */
export function buildRequest(definition: BuildTaskDefinition, folder: string): BuildTaskRequest {
  const dockerfile = path.resolve(folder, definition.dockerfile);
  const contextDir = definition.context ? path.resolve(folder, definition.context) : path.dirname(dockerfile);
  const buildArgs = definition.buildArgs && Object.keys(definition.buildArgs).length ? Object.fromEntries(Object.entries(definition.buildArgs).map(([k, v]) => [k, String(v)])) : undefined;
  return { dockerfile, contextDir, tag: definition.tag?.trim() || undefined, buildArgs, target: definition.target?.trim() || undefined, noCache: definition.noCache === true || undefined };
}

/** The compose project of a task: its file (or compose's own lookup in the folder) and the folder it runs in. */
export function composeSpec(definition: ComposeTaskDefinition, folder: string): ComposeProjectSpec {
  const file = definition.file ? path.resolve(folder, definition.file) : undefined;
  return { files: file ? [file] : [], directory: file ? path.dirname(file) : folder, profiles: [] };
}

/** The compose subcommand: `up -d` (detached, so a preLaunchTask ends), or `down`. */
export function composeArgs(definition: ComposeTaskDefinition): string[] {
  if (definition.action === 'down') return ['down', ...(definition.removeVolumes ? ['--volumes'] : [])];
  return ['up', '-d', ...(definition.build ? ['--build'] : []), ...(definition.services ?? [])];
}

/** A short label for the task list: "build build/app/Dockerfile", "compose up compose.yaml". */
export function taskLabel(definition: DocksideTaskDefinition): string {
  if (definition.task === 'build') return `build ${definition.dockerfile}${definition.tag ? ` (${definition.tag})` : ''}`;
  if (definition.task === 'run') return `run ${definition.configuration}`;
  return `compose ${definition.action}${definition.file ? ` ${definition.file}` : ''}`;
}

/**
 * The line the `$dockside-build` problem matcher reads: `<file>:<line>: error: <message>`. The regex in
 * package.json is PROBLEM_PATTERN's source; a unit test keeps the two the same.
 */
export function problemLine(file: string, line: number, message: string): string {
  return `${file}:${line}: error: ${message.replace(/\s+/g, ' ').trim()}`;
}

export const PROBLEM_PATTERN = /^(.+?):(\d+): (error|warning): (.*)$/;
