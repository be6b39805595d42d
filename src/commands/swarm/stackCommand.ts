// Runs a `docker stack` command for the deploy and remove commands: progress while it runs, the CLI's own
// output in the log, one sentence when it fails or when there is no docker CLI.
import * as vscode from 'vscode';
import { showErrorWithLog } from '../../log';
import { DockerCliMissing, runDockerCli } from '../../swarm/stackCli';
import type { SwarmCommandServices } from './swarmCommandServices';

export async function runStackCli(services: SwarmCommandServices, args: string[], title: string, cwd?: string): Promise<void> {
  const client = await services.session.client();
  let result;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => runDockerCli(args, client.endpoint, cwd));
  } catch (error) {
    if (error instanceof DockerCliMissing) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Stacks need the docker CLI, and no "docker" command is on the PATH. Install it (on Debian: the docker.io package) and try again.'));
      throw new vscode.CancellationError();
    }
    throw error;
  }
  services.log.info(`docker ${args.join(' ')} → exit ${result.code}\n${result.stdout}${result.stderr}`);
  if (result.code !== 0) {
    const last = result.stderr.trim().split('\n').pop() ?? '';
    void showErrorWithLog(services.log, vscode.l10n.t('The docker CLI failed: {0}', last), new Error(result.stderr));
    throw new vscode.CancellationError();
  }
  await services.swarm.refresh();
}
