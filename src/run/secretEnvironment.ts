// The values of a run's secret variables (`secretEnv`, e.g. a database root password): read from VS Code's
// secret storage, asked for once when missing and stored there, never from settings or state. Pure over a
// store and a question, so unit tests prove where a value comes from; RunService gives it the real ones.
import { splitKeyValue, type RunOptions } from '../models/run/runOptions';

/** The part of vscode.SecretStorage this needs. */
export interface SecretValues {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
}

/** Asks the user for a variable's value; undefined when they cancel. */
export type AskSecret = (variable: string, owner: string) => PromiseLike<string | undefined>;

export const SECRET_VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whose secret it is, as the question names it: the container's name, else the image's repository. */
export function secretOwner(o: RunOptions): string {
  return o.name?.trim() || imageRepository(o.image);
}

/**
 * The secret storage key of one variable: per image repository and container name, so two MySQL containers
 * keep two passwords, and a configuration that only borrows the name (another image called "mysql") is asked
 * instead of being handed the MySQL root password.
 */
export function secretKey(o: RunOptions, variable: string): string {
  return `${KEY_PREFIX}${imageRepository(o.image)}/${o.name?.trim() || '-'}/${variable}`;
}

const KEY_PREFIX = 'dockside.run.secretEnv/';

/** What a key stands for, to offer it back: "MYSQL_ROOT_PASSWORD", of container "mysql", image "mysql". */
export function describeSecretKey(key: string): { variable: string; container?: string; repository: string } | undefined {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const parts = key.slice(KEY_PREFIX.length).split('/');
  if (parts.length < 3) return undefined;
  const variable = parts.pop()!;
  const container = parts.pop()!;
  return { variable, container: container === '-' ? undefined : container, repository: parts.join('/') };
}

function imageRepository(image: string): string {
  return image.trim().replace(/@.*$/, '').replace(/:[^/:]*$/, '');
}

/** `NAME=value` for each secret variable, or undefined when the user cancelled a question (nothing is stored then). */
export async function secretEnvironment(o: RunOptions, values: SecretValues, ask: AskSecret): Promise<string[] | undefined> {
  const entries: string[] = [];
  const asked: [key: string, value: string][] = [];
  for (const variable of (o.secretEnv ?? []).map((v) => splitKeyValue(v.trim()).key).filter(Boolean)) {
    const key = secretKey(o, variable);
    let value = await values.get(key);
    if (value === undefined) {
      value = await ask(variable, secretOwner(o));
      if (value === undefined) return undefined;
      asked.push([key, value]);
    }
    entries.push(`${variable}=${value}`);
  }
  for (const [key, value] of asked) await values.store(key, value);
  return entries;
}
