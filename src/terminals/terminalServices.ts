// The long-lived parts behind the terminal, logs and stats commands: one set per engine shown, built by the
// composition root. The primary engine's set owns what all share (the terminal registry, the provider of the
// process and changes documents); another engine's set borrows them and names its engine in titles.
import * as vscode from 'vscode';
import type { ContainerSummary } from '../models/container';
import type { EngineSession } from '../session/engineSession';
import { ContainerDocuments, type ContainerDocumentKind } from '../stats/containerDocuments';
import { StatsService } from '../stats/statsService';
import { TerminalRegistry } from './terminalRegistry';

/** How one engine's services relate to the others'. */
export type TerminalScope =
  | { readonly kind: 'primary'; readonly sessionOf: (engineId: string) => EngineSession | undefined }
  | { readonly kind: 'other'; readonly primary: TerminalServices };

export class TerminalServices implements vscode.Disposable {
  readonly registry: TerminalRegistry;
  readonly stats: StatsService;
  /** The process and changes documents of this engine's containers. */
  readonly documents: { show(container: ContainerSummary, kind: ContainerDocumentKind): Promise<void> };
  /** The one provider of those documents (owned by the primary engine's services). */
  readonly reports: ContainerDocuments;
  private readonly owner: boolean;
  /** The registry of every engine's terminals (`registry` is this engine's view of it). */
  private readonly shared: TerminalRegistry;

  constructor(
    readonly session: EngineSession,
    log: vscode.LogOutputChannel,
    readonly extensionUri: vscode.Uri,
    scope: TerminalScope = { kind: 'primary', sessionOf: (id) => (id === session.id ? session : undefined) },
  ) {
    this.owner = scope.kind === 'primary';
    this.shared = scope.kind === 'primary' ? new TerminalRegistry() : scope.primary.shared;
    this.registry = this.shared.forEngine((name) => session.titled(name));
    this.reports = scope.kind === 'primary' ? new ContainerDocuments(scope.sessionOf) : scope.primary.reports;
    this.stats = new StatsService(session, log);
    this.documents = { show: (container, kind) => this.reports.show(container, kind, session) };
  }

  dispose(): void {
    this.stats.dispose();
    if (!this.owner) return;
    this.shared.dispose();
    this.reports.dispose();
  }
}
