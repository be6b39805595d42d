// Owns the connection to one engine: which endpoint, the client, and the state the UI shows. The registry
// (engineRegistry.ts) holds one per engine shown; the first is the engine chosen the way the docker CLI
// chooses. The engine bundle (dockerode) is loaded on first use, never during activation.
import * as vscode from 'vscode';
// Plain Node (files and the environment, no dockerode): the endpoint is known before the engine bundle loads.
import { resolveEndpoint } from '../engine/connection';
import type { EngineClient, EngineEndpoint, EngineReturnWatch } from '../engine/index';
import type { Settings } from '../settings';
import { loadEngineModule } from './engineBundle';
import { EngineTrustPrompts } from './engineTrustPrompts';
import type { EngineState } from './engineState';
import { UntrustedWorkspace, untrustedSentence } from './workspaceTrust';

export type EngineModule = typeof import('../engine/index');

/** How a session finds its endpoint: the CLI's resolution for the primary engine, a fixed choice for the others. */
export type EndpointResolver = (engine: Pick<EngineModule, 'resolveEndpoint'>, settings: Settings) => EngineEndpoint;

const cliResolution: EndpointResolver = (engine, settings) => {
  const s = settings.engine();
  return engine.resolveEndpoint({ settingHost: s.host, settingContext: s.context, env: process.env });
};

export class EngineSession implements vscode.Disposable {
  private readonly stateChanged = new vscode.EventEmitter<EngineState>();
  readonly onDidChangeState = this.stateChanged.event;
  private current: EngineState = { kind: 'connecting' };
  private engineModule?: Promise<EngineModule>;
  private activeClient?: EngineClient;
  private connecting?: Promise<void>;
  /** Increases with every connect(), so a slow older attempt cannot overwrite a newer result. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
    private readonly trust = new EngineTrustPrompts(log),
    /** The registry's id for this engine: carried by tree node ids, commands and titles. */
    readonly id = 'default',
    private readonly resolve: EndpointResolver = cliResolution,
    /** The engine's name while several engines are shown (titles start with it), else undefined. */
    private readonly nameInTitles: (session: EngineSession) => string | undefined = () => undefined,
    /** Loads the engine layer (the registry's loader is shared by every session and keeps a code cache). */
    private readonly loadEngine: () => Promise<EngineModule> = loadEngineModule,
  ) {
    this.disposables.push(
      settings.onDidChangeEngine(() => void this.connect()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.connect()),
    );
  }

  get state(): EngineState {
    return this.current;
  }

  /** A title for something of this engine (a terminal, a document, a progress): named after the engine while several are shown. */
  titled(title: string): string {
    const engine = this.nameInTitles(this);
    return engine ? `${engine} · ${title}` : title;
  }

  /** The engine layer, loaded once. */
  engine(): Promise<EngineModule> {
    this.engineModule ??= this.loadEngine();
    return this.engineModule;
  }

  /** The connected client; connects first when needed. Throws the mapped EngineError when none answers. */
  async client(): Promise<EngineClient> {
    if (this.current.kind !== 'connected') await this.connect();
    if (!this.activeClient || this.current.kind !== 'connected') {
      const engine = await this.engine();
      throw this.lastError ?? new engine.EngineError('unreachable', 'not connected');
    }
    return this.activeClient;
  }

  /**
   * Resolves once the state is connected or failed (at once when it is already), or after `timeoutMs` while
   * it is still connecting.
   */
  settled(timeoutMs: number): Promise<void> {
    if (this.current.kind !== 'connecting') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const subscription = this.onDidChangeState((state) => state.kind !== 'connecting' && done());
    });
  }

  private lastError?: Error;
  private returnWatch?: { host: string; watch: EngineReturnWatch };

  /**
   * Calls `listener` once, when the engine answers again and the session has reconnected. Meanwhile a
   * quiet ping (no state published, so no status-bar flicker) asks every quarter second: whoever waits
   * (a log follower between its backoff retries) resumes within a second of the engine being back.
   */
  onEngineBack(listener: () => void): vscode.Disposable {
    let disposed = false;
    let probe: { dispose(): void } | undefined;
    const stop = () => {
      disposed = true;
      connected.dispose();
      probe?.dispose();
    };
    const connected = this.onDidChangeState((state) => {
      if (state.kind !== 'connected' || disposed) return;
      stop();
      listener();
    });
    void this.engine().then((engine) => {
      if (disposed || !vscode.workspace.isTrusted) return;
      probe = this.watchFor(engine)?.onReturn(() => void this.connect());
    });
    return new vscode.Disposable(stop);
  }

  /** One quiet pinger per endpoint, shared by everyone waiting; undefined when the settings name no valid engine. */
  private watchFor(engine: EngineModule): EngineReturnWatch | undefined {
    const s = this.settings.engine();
    let endpoint;
    try {
      endpoint = this.endpointNow(engine);
    } catch {
      return undefined;
    }
    if (this.returnWatch?.host !== endpoint.host) {
      this.returnWatch?.watch.dispose();
      const client = new engine.EngineClient(endpoint, { requestTimeoutMs: Math.min(s.requestTimeoutMs, 2000) });
      this.returnWatch = { host: endpoint.host, watch: new engine.EngineReturnWatch({ ping: () => client.ping().then(() => true, () => false) }) };
    }
    return this.returnWatch.watch;
  }

  /** The endpoint this session would dial now (throws the engine layer's error for an invalid address). */
  endpointNow(engine: Pick<EngineModule, 'resolveEndpoint'>): EngineEndpoint {
    return this.resolve(engine, this.settings);
  }

  /**
   * The host this session would dial now, without loading the engine bundle (the explorer paints the last
   * window's containers for it before the bundle is in); undefined for an address that is not valid.
   */
  hostWithoutEngine(): string | undefined {
    try {
      return this.endpointNow({ resolveEndpoint }).host;
    } catch {
      return undefined;
    }
  }

  /** Starts the first connect unless one was started already (a command that needed the engine, say). */
  connectUnlessStarted(): Promise<void> {
    return this.connecting ?? (this.generation === 0 ? this.connect() : Promise.resolve());
  }

  /** (Re)connects: resolves the endpoint, pings, and publishes the new state. A newer call supersedes one in flight (its answer is dropped). */
  connect(): Promise<void> {
    const generation = ++this.generation;
    const attempt = this.attempt(generation).finally(() => {
      if (this.connecting === attempt) this.connecting = undefined;
    });
    this.connecting = attempt;
    return attempt;
  }

  private async attempt(generation: number): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      // Restricted Mode: no engine is dialled, not even the user's own; trust reconnects (see constructor).
      this.activeClient = undefined;
      this.lastError = new UntrustedWorkspace();
      return this.publish(generation, { kind: 'failed', code: 'untrusted', sentence: untrustedSentence() });
    }
    const engine = await this.engine();
    const s = this.settings.engine();
    let endpoint;
    try {
      endpoint = this.endpointNow(engine);
    } catch (error) {
      return this.fail(generation, engine, error, undefined);
    }
    this.publish(generation, { kind: 'connecting', endpoint });
    this.trust.warn(endpoint);
    try {
      // Inside the try: a client that cannot even be built (missing ca.pem, bad address) is a failed state,
      // never a "Connecting…" that stays.
      const client = new engine.EngineClient(endpoint, { requestTimeoutMs: s.requestTimeoutMs, confirmHostKey: (q) => this.trust.confirmHostKey(q, endpoint.label) });
      const version = await client.ping();
      if (generation !== this.generation) return client.close();
      if (this.activeClient !== client) this.activeClient?.close();
      this.activeClient = client;
      this.lastError = undefined;
      this.log.info(`Connected to ${endpoint.label} (${endpoint.host}, ${endpoint.source}): Docker ${version.version}, API ${version.apiVersion}`);
      this.publish(generation, { kind: 'connected', endpoint, version });
    } catch (error) {
      this.fail(generation, engine, error, endpoint);
    }
  }

  private fail(generation: number, engine: EngineModule, error: unknown, endpoint: EngineState['endpoint']): void {
    if (generation !== this.generation) return;
    const mapped = engine.toEngineError(error, endpoint?.host);
    const sentence = engine.describeEngineError(mapped);
    this.activeClient?.close();
    this.activeClient = undefined;
    this.lastError = mapped;
    this.log.error(`${sentence} [${mapped.code}]`, mapped.cause ?? mapped);
    this.publish(generation, { kind: 'failed', endpoint, code: mapped.code, sentence });
  }

  private publish(generation: number, state: EngineState): void {
    if (generation !== this.generation) return;
    this.current = state;
    this.stateChanged.fire(state);
  }

  dispose(): void {
    this.generation++;
    this.activeClient?.close();
    this.returnWatch?.watch.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.stateChanged.dispose();
  }
}
