// Opens a shell terminal into a container: decides the command (the setting, else bash when present, else
// sh), makes sure the container runs, and hands the exec to a SessionTerminal.
import * as vscode from 'vscode';
import type { EngineClient } from '../engine/index';
import type { ContainerSummary } from '../models/container';
import type { EngineSession } from '../session/engineSession';
import { ensureRunning } from './containerReadiness';
import { SessionTerminal } from './sessionTerminal';
import type { TerminalRegistry } from './terminalRegistry';

export interface ShellChoice {
  /** Empty: detect bash or sh in the container. */
  readonly command: readonly string[];
  readonly user: string;
  readonly workdir: string;
}

/** Describes an error for a terminal line: an engine error's mapped sentence, anything else its message. */
export async function describer(session: EngineSession): Promise<(error: unknown) => string> {
  const engine = await session.engine();
  return (error) => (engine.isEngineError(error) ? engine.describeEngineError(error) : error instanceof Error ? error.message : String(error));
}

/** The shell to run: the given command, else the best shell found; undefined when the image has none. */
export async function resolveShellCommand(session: EngineSession, container: ContainerSummary, command: readonly string[]): Promise<string[] | undefined> {
  if (command.length > 0) return [...command];
  const [engine, client] = await Promise.all([session.engine(), session.client()]);
  const shell = await engine.findShell(client, container.id);
  return shell ? [shell] : undefined;
}

export async function openShellTerminal(session: EngineSession, registry: TerminalRegistry, container: ContainerSummary, choice: ShellChoice): Promise<SessionTerminal | undefined> {
  const [engine, client] = await Promise.all([session.engine(), session.client()]);
  await ensureRunning(session, client, container.id);
  const cmd = await resolveShellCommand(session, container, choice.command);
  if (!cmd) {
    const openSettings = vscode.l10n.t('Open Settings');
    const answer = await vscode.window.showErrorMessage(
      vscode.l10n.t('{0} has no shell: its image contains neither bash nor sh (an image built FROM scratch, for example). Set dockside.shell.command to a program the image has.', container.name),
      openSettings,
    );
    if (answer === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', 'dockside.shell.command');
    return undefined;
  }
  const pty = new SessionTerminal({
    kind: 'shell',
    open: async (size, reconnecting) => {
      // After a lost connection: dial the engine again (it may have restarted) and start the container if needed.
      const current = reconnecting ? await reconnectedClient(session, container.id) : client;
      return engine.startShell(current, container.id, { cmd, user: choice.user, workdir: choice.workdir }, size);
    },
    describe: await describer(session),
  });
  const program = cmd[0].split('/').pop() ?? cmd[0];
  registry.open(`${container.name}: ${program}`, pty, 'terminal');
  return pty;
}

/** A fresh client after the engine connection was lost, with the container running again (asks first). */
export async function reconnectedClient(session: EngineSession, id: string): Promise<EngineClient> {
  await session.connect();
  const client = await session.client();
  await ensureRunning(session, client, id);
  return client;
}
