// Before a shell or an attach: the container has to run. A stopped one is offered a start, a paused one an
// unpause; declining cancels quietly.
import * as vscode from 'vscode';
import type { ContainerRuntime, EngineClient } from '../engine/index';
import type { EngineSession } from '../session/engineSession';

export async function ensureRunning(session: EngineSession, client: EngineClient, id: string): Promise<ContainerRuntime> {
  const engine = await session.engine();
  const runtime = await engine.containerRuntime(client, id);
  if (runtime.running && !runtime.paused) return runtime;
  if (runtime.paused) {
    const unpause = vscode.l10n.t('Unpause');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} is paused. Unpause it first?', runtime.name), unpause);
    if (choice !== unpause) throw new vscode.CancellationError();
    await engine.unpauseContainer(client, id);
  } else {
    const start = vscode.l10n.t('Start');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} is not running. Start it first?', runtime.name), start);
    if (choice !== start) throw new vscode.CancellationError();
    await engine.startContainer(client, id);
  }
  return engine.containerRuntime(client, id);
}
