// The long-lived parts behind the terminal, logs and stats commands, built once by the composition root.
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';
import { ContainerDocuments } from '../stats/containerDocuments';
import { StatsService } from '../stats/statsService';
import { TerminalRegistry } from './terminalRegistry';

export class TerminalServices implements vscode.Disposable {
  readonly registry = new TerminalRegistry();
  readonly stats: StatsService;
  readonly documents: ContainerDocuments;

  constructor(
    readonly session: EngineSession,
    log: vscode.LogOutputChannel,
    readonly extensionUri: vscode.Uri,
  ) {
    this.stats = new StatsService(session, log);
    this.documents = new ContainerDocuments(session);
  }

  dispose(): void {
    this.registry.dispose();
    this.stats.dispose();
    this.documents.dispose();
  }
}
