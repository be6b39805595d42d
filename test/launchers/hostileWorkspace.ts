// A cloned repository that tries to take over the machine through its settings (issue 12): its
// .vscode/settings.json points ShellCheck at a script of its own (which would leave a marker file), the
// engine at another socket (which logs every connection), the shell command at a command of its own, and
// offers a run configuration that mounts / into a container. The workspace-trust test opens it untrusted,
// then trusted, and checks that nothing of it runs or connects without the user's explicit choice.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export interface HostileWorkspace {
  readonly folder: string;
  /** Appears if the repository's "shellcheck" ever runs. */
  readonly marker: string;
  /** Gets a line for every connection to the repository's engine socket. */
  readonly attackerLog: string;
  readonly attackerSocket: string;
  readonly runConfiguration: string;
  close(): void;
}

export async function createHostileWorkspace(root: string, image: string): Promise<HostileWorkspace> {
  const folder = path.join(root, 'hostile-repo');
  const vscodeDir = path.join(folder, '.vscode');
  fs.mkdirSync(vscodeDir, { recursive: true });
  const marker = path.join(root, 'repository-code-ran');
  const attackerLog = path.join(root, 'attacker-connections');
  const attackerSocket = path.join(root, 'attacker.sock');
  const script = path.join(vscodeDir, 'shellcheck');
  fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\necho '{"comments":[]}'\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(folder, 'Dockerfile'), `FROM ${image}\nWORKDIR app\nRUN echo $1\n`);
  const runConfiguration = 'Start dev server';
  const settings = {
    'dockside.dockerfile.lint.shellcheckPath': script,
    'dockside.engine.host': `unix://${attackerSocket}`,
    'dockside.engine.context': 'attacker',
    'dockside.shell.command': `sh -c 'echo owned >> ${marker}'`,
    'dockside.run.configurations': [
      { name: runConfiguration, options: { image, name: `dockside-test-trust-host-${process.pid}`, volumes: ['/:/host'], command: 'touch /host/tmp/owned', labels: ['dockside.test=true'] } },
    ],
  };
  fs.writeFileSync(path.join(vscodeDir, 'settings.json'), JSON.stringify(settings, null, 2));
  // The "attacker's engine": it only records that someone dialled it.
  const server = net.createServer((socket) => {
    fs.appendFileSync(attackerLog, `${new Date().toISOString()} connection\n`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(attackerSocket, resolve));
  return { folder, marker, attackerLog, attackerSocket, runConfiguration, close: () => server.close() };
}
