// Every engine Dockside knows of, and one EngineSession (own client, state, event stream) per engine in use.
// Built once by the composition root. The primary session is the engine chosen the way the docker CLI
// chooses (settings, DOCKER_HOST, DOCKER_CONTEXT, currentContext), unless the user picked another for this
// workspace (workspace state, never read from the repository's files). The others are created when first
// shown: the Engines view probes the engines it lists while it is visible. An engine nobody shows is
// never connected.
import * as vscode from 'vscode';
import type { DockerContext } from '../engine/index';

import type { Settings } from '../settings';
import { EngineSession, type EngineModule } from './engineSession';
import { EngineTrustPrompts } from './engineTrustPrompts';

export type EngineKind = 'context' | 'environment' | 'added' | 'podman';

/** One engine the user can pick: a docker context, DOCKER_HOST, one added in Dockside's settings, a Podman socket. */
export interface EngineCandidate {
  /** Stable across windows: `context:<name>`, `host:<url>`. Tree node ids and pins carry it. */
  readonly id: string;
  readonly kind: EngineKind;
  readonly label: string;
  readonly host: string;
  readonly contextName?: string;
  readonly description?: string;
  /** The CLI's current context (config.json), marked in the view. */
  readonly current: boolean;
}


const WORKSPACE_ENGINE_KEY = 'dockside.engines.workspaceEngine';
/** The engines pinned to this workspace's explorer beside the primary one (workspace state, like the choice above). */
const PINNED_ENGINES_KEY = 'dockside.engines.pinned';

/** What workspace state keeps of the user's per-workspace engine choice. */
export interface WorkspaceEngine {
  readonly id: string;
  readonly label: string;
  readonly host: string;
  readonly contextName?: string;
}

export class EngineRegistry implements vscode.Disposable {
  readonly primary: EngineSession;
  private readonly sessions = new Map<string, EngineSession>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the list of engines, the pins or any session's state changes. */
  readonly onDidChange = this.changed.event;
  private readonly trust: EngineTrustPrompts;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
    private readonly workspaceState: vscode.Memento,
    private readonly loadEngine?: () => Promise<EngineModule>,
  ) {
    this.trust = new EngineTrustPrompts(log);
    // The primary session follows the user's choice for this workspace, else the docker CLI's.
    this.primary = new EngineSession(settings, log, this.trust, 'default', (engine, s) => {
      const chosen = this.workspaceEngine();
      if (!chosen) {
        const e = s.engine();
        return engine.resolveEndpoint({ settingHost: e.host, settingContext: e.context, env: process.env });
      }
      const endpoint = chosen.contextName
        ? engine.resolveEndpoint({ settingContext: chosen.contextName, env: process.env })
        : engine.resolveEndpoint({ settingHost: chosen.host, env: process.env });
      return { ...endpoint, source: 'workspace' };
    }, this.nameInTitles, loadEngine);
    this.disposables.push(this.primary, this.primary.onDidChangeState(() => this.changed.fire()), settings.onDidChangeEngine(() => this.changed.fire()));
  }

  /** While several engines are shown, titles name the engine they are about. */
  private readonly nameInTitles = (session: EngineSession): string | undefined => (this.shown().length > 1 ? this.labelOf(session) : undefined);

  /** The engine layer (loaded once, shared by every session). */
  engine(): Promise<EngineModule> {
    return this.primary.engine();
  }

  /** Everything that can be shown: contexts (default included), DOCKER_HOST, added engines, Podman sockets. */
  async candidates(): Promise<EngineCandidate[]> {
    const engine = await this.engine();
    const store = new engine.ContextStore(process.env);
    let contexts: DockerContext[] = [];
    let current = 'default';
    try {
      contexts = store.list();
      current = store.current();
    } catch (error) {
      this.log.warn(`Could not read the docker contexts in ${store.configDir}: ${String(error)}`);
    }
    const list: EngineCandidate[] = contexts.map((c) => ({
      id: `context:${c.name}`,
      kind: 'context',
      label: c.name,
      host: c.host,
      contextName: c.name,
      description: c.description,
      current: c.name === current,
    }));
    const seenHosts = new Set(list.map((c) => c.host));
    const addHost = (kind: EngineKind, label: string, host: string) => {
      if (seenHosts.has(host)) return;
      seenHosts.add(host);
      list.push({ id: `host:${host}`, kind, label, host, current: false });
    };
    if (process.env.DOCKER_HOST) addHost('environment', 'DOCKER_HOST', process.env.DOCKER_HOST);
    for (const added of this.settings.addedEngines()) addHost('added', added.name || added.host, added.host);
    for (const socket of engine.detectPodmanSockets(process.env)) addHost('podman', 'Podman', socket);
    return list;
  }

  /** The session of an engine, created (not connected) on first use. The primary engine's id is 'default'. */
  session(candidate: Pick<EngineCandidate, 'id' | 'host' | 'contextName'>): EngineSession {
    if (candidate.id === this.primary.id) return this.primary;
    let session = this.sessions.get(candidate.id);
    if (!session) {
      session = new EngineSession(this.settings, this.log, this.trust, candidate.id, (engine) =>
        candidate.contextName
          ? engine.resolveEndpoint({ settingContext: candidate.contextName, env: process.env })
          : engine.resolveEndpoint({ settingHost: candidate.host, env: process.env }),
        this.nameInTitles,
        this.loadEngine,
      );
      this.sessions.set(candidate.id, session);
      this.disposables.push(session.onDidChangeState(() => this.changed.fire()));
    }
    return session;
  }

  /** A session already made for this id, if any (commands on a row find their engine here). */
  existing(id: string): EngineSession | undefined {
    return id === this.primary.id ? this.primary : this.sessions.get(id);
  }

  /** All sessions in use, the primary first. */
  all(): EngineSession[] {
    return [this.primary, ...this.sessions.values()];
  }

  /** The engine this workspace shows instead of the CLI's choice, if the user picked one. */
  workspaceEngine(): WorkspaceEngine | undefined {
    const saved = this.workspaceState.get<WorkspaceEngine>(WORKSPACE_ENGINE_KEY);
    return saved && typeof saved.id === 'string' && typeof saved.host === 'string' ? saved : undefined;
  }

  /** Shows this engine in this workspace (undefined: follow the docker CLI again) and reconnects. */
  async setWorkspaceEngine(candidate: EngineCandidate | undefined): Promise<void> {
    const saved: WorkspaceEngine | undefined = candidate && { id: candidate.id, label: candidate.label, host: candidate.host, contextName: candidate.contextName };
    await this.workspaceState.update(WORKSPACE_ENGINE_KEY, saved);
    this.changed.fire();
    await this.primary.connect();
  }

  /** True when this candidate is the engine the primary session shows (its endpoint, once resolved). */
  isPrimary(c: Pick<EngineCandidate, 'host' | 'contextName'>): boolean {
    const endpoint = this.primary.state.endpoint;
    if (!endpoint) return false;
    if (c.contextName) return endpoint.contextName === c.contextName || (c.contextName === 'default' && !endpoint.contextName && endpoint.host === c.host);
    return endpoint.host === c.host && !endpoint.contextName;
  }

  /** The engines pinned beside the primary one in this workspace, in the order they were pinned. */
  pinned(): WorkspaceEngine[] {
    const saved = this.workspaceState.get<WorkspaceEngine[]>(PINNED_ENGINES_KEY, []);
    return Array.isArray(saved) ? saved.filter((e) => e && typeof e.id === 'string' && typeof e.host === 'string' && e.id !== this.primary.id) : [];
  }

  /** The sessions the explorer shows: the primary one, then the pinned ones (not connected until a view shows). */
  shown(): EngineSession[] {
    return [this.primary, ...this.pinned().filter((e) => !this.isPrimary(e)).map((e) => this.session(e))];
  }

  /** Shows this engine in the explorer too, beside the primary one (this workspace only). */
  async pin(candidate: Pick<EngineCandidate, 'id' | 'label' | 'host' | 'contextName'>): Promise<void> {
    if (this.pinned().some((e) => e.id === candidate.id)) return;
    const saved: WorkspaceEngine = { id: candidate.id, label: candidate.label, host: candidate.host, contextName: candidate.contextName };
    await this.workspaceState.update(PINNED_ENGINES_KEY, [...this.pinned(), saved]);
    this.changed.fire();
  }

  /** Takes a pinned engine out of the explorer again; its session closes (its client and event stream). */
  async unpin(id: string): Promise<void> {
    await this.workspaceState.update(PINNED_ENGINES_KEY, this.pinned().filter((e) => e.id !== id));
    this.drop(id);
    this.changed.fire();
  }

  /** The name a title gives this engine: a pinned engine's own label (as the Engines view lists it), else its endpoint's. */
  labelOf(session: EngineSession): string {
    return this.pinned().find((e) => e.id === session.id)?.label ?? session.state.endpoint?.label ?? session.id;
  }

  /** Forgets a session (its engine was removed): closes its client and stream. */
  drop(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    session.dispose();
    this.changed.fire();
  }

  /** Tells listeners that the candidates changed (a context was created or removed, a setting changed). */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
  }
}
