// Where the values of run secrets (`secretEnv`) live: VS Code's SecretStorage. SecretStorage cannot list
// its keys, so the keys alone (never a value) are also kept in global state, for "Forget Stored Run
// Secrets…" to offer them.
import type * as vscode from 'vscode';
import type { SecretValues } from './secretEnvironment';

const INDEX_KEY = 'dockside.run.storedSecretKeys';

export class RunSecretStore implements SecretValues {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  get(key: string): Thenable<string | undefined> {
    return this.secrets.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    await this.secrets.store(key, value);
    const keys = this.keys();
    if (!keys.includes(key)) await this.state.update(INDEX_KEY, [...keys, key]);
  }

  /** The keys stored so far, oldest first. */
  keys(): string[] {
    return this.state.get<string[]>(INDEX_KEY, []);
  }

  async forget(keys: readonly string[]): Promise<void> {
    for (const key of keys) await this.secrets.delete(key);
    await this.state.update(INDEX_KEY, this.keys().filter((k) => !keys.includes(k)));
  }
}
