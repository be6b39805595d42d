// A compose project as the CLI is asked to act on it: its files (-f), env file, profiles, name and folder.
// Built from a compose file in the workspace (with the user's remembered choice for its folder) or from a
// project's containers (their compose labels). No vscode.
import * as path from 'node:path';

export interface ComposeProjectSpec {
  /** Absolute paths, in the order compose merges them. Empty: the CLI finds the file in `directory` (v2 with -p only). */
  readonly files: readonly string[];
  readonly directory: string;
  readonly envFile?: string;
  readonly profiles: readonly string[];
  /** Empty: compose derives it (the `name:` key, else the folder's name). */
  readonly name?: string;
}

/** The global options before compose's subcommand. */
export function projectArgs(spec: ComposeProjectSpec): string[] {
  const args: string[] = [];
  for (const file of spec.files) args.push('-f', file);
  if (spec.envFile) args.push('--env-file', spec.envFile);
  for (const profile of spec.profiles) args.push('--profile', profile);
  if (spec.name) args.push('-p', spec.name);
  args.push('--project-directory', spec.directory);
  return args;
}

/** The project name compose itself would use for a folder when none is given (v1 and v2 agree). */
export function defaultProjectName(directory: string): string {
  return path.basename(directory).toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

export const COMPOSE_LABELS = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  configFiles: 'com.docker.compose.project.config_files',
  workingDir: 'com.docker.compose.project.working_dir',
  environmentFile: 'com.docker.compose.project.environment_file',
  containerNumber: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
} as const;

/** The project as its containers' labels describe it (v1 and v2 write the same labels). */
export function specFromLabels(labels: Readonly<Record<string, string>>): ComposeProjectSpec | undefined {
  const name = labels[COMPOSE_LABELS.project];
  if (!name) return undefined;
  const directory = labels[COMPOSE_LABELS.workingDir] || process.cwd();
  const files = (labels[COMPOSE_LABELS.configFiles] ?? '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => path.resolve(directory, f));
  const envFile = labels[COMPOSE_LABELS.environmentFile] || undefined;
  return { files, directory, name, profiles: [], envFile };
}
