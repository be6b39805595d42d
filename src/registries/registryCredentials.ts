// Which registries the user is logged in to, and with what. Docker's own places come first
// (~/.docker/config.json auths, credsStore, credHelpers); a new login goes to the configured credential
// helper, else to VS Code's SecretStorage, never to settings or logs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RegistryCredentials } from '../engine/index';
import type { EngineSession } from '../session/engineSession';

const KNOWN_KEY = 'dockside.registries';
const secretKey = (registry: string) => `dockside.registry.${registry}`;

export type CredentialHome = 'helper' | 'dockerConfig' | 'secretStorage';

export class RegistryCredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly session: EngineSession,
    private readonly secrets: vscode.SecretStorage,
    private readonly memento: vscode.Memento,
  ) {}

  private async dockerConfig() {
    const engine = await this.session.engine();
    const dir = engine.dockerConfigDir(process.env);
    return { engine, dir, config: engine.readDockerConfig(dir) };
  }

  /** Every registry with credentials: docker's, then the ones Dockside stored. */
  async registries(): Promise<string[]> {
    const { engine, config } = await this.dockerConfig();
    return [...new Set([...engine.configuredRegistries(config), ...this.memento.get<string[]>(KNOWN_KEY, [])])].sort();
  }

  async credentials(registry: string): Promise<RegistryCredentials | undefined> {
    const { engine, config } = await this.dockerConfig();
    const fromDocker = await engine.dockerCredentials(config, engine.normaliseRegistry(registry));
    if (fromDocker) return fromDocker;
    const stored = await this.secrets.get(secretKey(engine.normaliseRegistry(registry)));
    return stored ? (JSON.parse(stored) as RegistryCredentials) : undefined;
  }

  /** The engine's auth body for a registry, when we have credentials for it. */
  async engineAuth(registry: string): Promise<Record<string, string> | undefined> {
    const engine = await this.session.engine();
    const credentials = await this.credentials(registry);
    return credentials ? engine.engineAuthConfig(engine.normaliseRegistry(registry), credentials) : undefined;
  }

  /** Checks the credentials with the registry (through the engine) and keeps them only when accepted. */
  async login(registryInput: string, credentials: RegistryCredentials): Promise<CredentialHome> {
    const [{ engine, config }, client] = await Promise.all([this.dockerConfig(), this.session.client()]);
    const registry = engine.normaliseRegistry(registryInput);
    await engine.verifyLogin(client, registry, credentials);
    const helper = engine.helperFor(config, registry);
    let home: CredentialHome;
    if (helper) {
      await engine.storeWithHelper(helper, registry, credentials);
      home = 'helper';
    } else {
      await this.secrets.store(secretKey(registry), JSON.stringify(credentials));
      home = 'secretStorage';
    }
    await this.remember(registry, true);
    return home;
  }

  /** Forgets the registry everywhere it was kept: the helper, config.json's auths, our SecretStorage. */
  async logout(registryInput: string): Promise<void> {
    const { engine, dir, config } = await this.dockerConfig();
    const registry = engine.normaliseRegistry(registryInput);
    const helper = engine.helperFor(config, registry);
    if (helper) await engine.eraseWithHelper(helper, registry).catch(() => undefined);
    const keys = Object.keys(config.auths).filter((k) => engine.normaliseRegistry(k) === registry);
    if (keys.length) removeAuthsEntries(dir, keys);
    await this.secrets.delete(secretKey(registry));
    await this.remember(registry, false);
  }

  private async remember(registry: string, known: boolean): Promise<void> {
    const list = this.memento.get<string[]>(KNOWN_KEY, []).filter((r) => r !== registry);
    await this.memento.update(KNOWN_KEY, known ? [...list, registry] : list);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Removes `auths` entries from config.json, keeping every other key as it was (as `docker logout` does). */
function removeAuthsEntries(configDir: string, keys: string[]): void {
  const file = path.join(configDir, 'config.json');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { auths?: Record<string, unknown> };
  for (const key of keys) delete raw.auths?.[key];
  fs.writeFileSync(file, `${JSON.stringify(raw, null, '\t')}\n`, { mode: 0o600 });
}
