// Stacks through the user's docker CLI (`docker stack deploy -c`, `docker stack rm`): the engine API has no
// stack endpoint, the CLI turns a compose file into services itself. Argument arrays only, never a shell;
// the CLI is pointed at the engine Dockside shows (its context, else its host). No vscode.
import { execFile } from 'node:child_process';
import type { EngineEndpointDescription } from '../models/engine';

export interface StackRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Thrown when no `docker` executable is on PATH. */
export class DockerCliMissing extends Error {}

const TIMEOUT_MS = 120_000;

/** The CLI's environment for this engine: a context by name, else DOCKER_HOST (and no context that would override it). */
export function cliEnvironment(endpoint: EngineEndpointDescription, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...base };
  if (endpoint.contextName) {
    delete env.DOCKER_HOST;
    env.DOCKER_CONTEXT = endpoint.contextName;
  } else {
    delete env.DOCKER_CONTEXT;
    env.DOCKER_HOST = endpoint.host;
  }
  return env;
}

export function runDockerCli(args: readonly string[], endpoint: EngineEndpointDescription, cwd?: string, command = 'docker'): Promise<StackRun> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { cwd, env: cliEnvironment(endpoint), timeout: TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return reject(new DockerCliMissing(command));
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/**
 * `docker stack deploy`: images are not resolved against a registry (the nodes use what they have or pull
 * it themselves), as Create Service does.
 */
export const stackDeployArgs = (composeFile: string, stack: string): string[] => ['stack', 'deploy', '--resolve-image', 'never', '-c', composeFile, stack];
export const stackRemoveArgs = (stack: string): string[] => ['stack', 'rm', stack];
