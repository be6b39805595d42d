// "Run Interactive": a terminal bound to the new container. The terminals feature owns attach and shell
// terminals; we hand it the container by command id, so neither side imports the other.
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';

const ATTACH = 'dockside.containers.attach';
const OPEN_SHELL = 'dockside.containers.openShell';

export async function openRunTerminal(session: EngineSession, started: { id: string; name: string }): Promise<void> {
  const [container] = await (await session.client()).listContainers({ id: [started.id] });
  const available = new Set(await vscode.commands.getCommands(true));
  // The run's own main process is what `docker run -it` connects to; a shell is the next best thing.
  const command = [ATTACH, OPEN_SHELL].find((id) => available.has(id));
  if (!container || !command) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Started {0}.', started.name));
    return;
  }
  await vscode.commands.executeCommand(command, { container });
}
