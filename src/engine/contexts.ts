// Docker contexts as the CLI stores them (docker/cli context/store): contexts/meta/<sha256(name)>/meta.json,
// TLS files under contexts/tls/<sha256(name)>/docker/, and `currentContext` in config.json. Written here
// byte for byte the way `docker context create/use/rm` write them, so the CLI and Dockside agree, and
// compared with the real CLI in contexts.live.test.ts.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dockerConfigDir, parseEngineHost } from './connection';
import { EngineError } from './errors';

export interface DockerContext {
  readonly name: string;
  readonly description: string;
  /** The docker endpoint's Host (unix://, tcp://, ssh://, npipe://). */
  readonly host: string;
  readonly skipTlsVerify: boolean;
  /** The TLS files stored with the context (ca.pem, cert.pem, key.pem), as `docker context inspect` lists them. */
  readonly tlsMaterial: readonly string[];
  /** True for the CLI's built-in "default" context (DOCKER_HOST or the platform socket); it has no files. */
  readonly builtIn: boolean;
  readonly metadataPath?: string;
  readonly tlsPath?: string;
}

export interface ContextTlsInput {
  /** PEM contents, as read from the files the user picked. */
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
}

export interface NewContext {
  readonly name: string;
  readonly description?: string;
  readonly host: string;
  readonly skipTlsVerify?: boolean;
  readonly tls?: ContextTlsInput;
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;

export class ContextStore {
  readonly configDir: string;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    homeDir?: string,
  ) {
    this.configDir = dockerConfigDir(env, homeDir);
  }

  private digest(name: string): string {
    return createHash('sha256').update(name).digest('hex');
  }

  metaDir(name: string): string {
    return path.join(this.configDir, 'contexts', 'meta', this.digest(name));
  }

  tlsDir(name: string): string {
    return path.join(this.configDir, 'contexts', 'tls', this.digest(name));
  }

  /** The name in config.json, or "default" (the CLI's `docker context show`, without DOCKER_CONTEXT). */
  current(): string {
    const config = this.readConfig();
    const name = config?.currentContext;
    return typeof name === 'string' && name ? name : 'default';
  }

  /** Every context, the built-in "default" included, in `docker context ls` order. */
  list(): DockerContext[] {
    const metaRoot = path.join(this.configDir, 'contexts', 'meta');
    const stored: DockerContext[] = [];
    for (const entry of safeReaddir(metaRoot)) {
      const context = this.readMeta(path.join(metaRoot, entry, 'meta.json'));
      if (context) stored.push(context);
    }
    // Sorted by name, byte order, "default" among them (`docker context ls`).
    return [this.defaultContext(), ...stored].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  get(name: string): DockerContext | undefined {
    if (name === 'default') return this.defaultContext();
    return this.readMeta(path.join(this.metaDir(name), 'meta.json'));
  }

  private defaultContext(): DockerContext {
    const host = this.env.DOCKER_HOST || (process.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock');
    return { name: 'default', description: 'Current DOCKER_HOST based configuration', host, skipTlsVerify: false, tlsMaterial: [], builtIn: true };
  }

  private readMeta(file: string): DockerContext | undefined {
    let meta: { Name?: string; Metadata?: { Description?: string }; Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } } };
    try {
      meta = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
    if (!meta.Name) return undefined;
    const tlsPath = this.tlsDir(meta.Name);
    const tlsMaterial = ['ca.pem', 'cert.pem', 'key.pem'].filter((f) => fs.existsSync(path.join(tlsPath, 'docker', f)));
    return {
      name: meta.Name,
      description: meta.Metadata?.Description ?? '',
      host: meta.Endpoints?.docker?.Host ?? '',
      skipTlsVerify: meta.Endpoints?.docker?.SkipTLSVerify === true,
      tlsMaterial,
      builtIn: false,
      metadataPath: path.dirname(file),
      tlsPath,
    };
  }

  /** `docker context create NAME --description … --docker host=…,ca=…,cert=…,key=…,skip-tls-verify=…`. */
  create(input: NewContext): DockerContext {
    validateContextName(input.name);
    if (input.name === 'default' || this.get(input.name)) {
      throw new EngineError('conflict', `context "${input.name}" already exists`, { engineMessage: `context "${input.name}" already exists`, context: input.name });
    }
    parseEngineHost(input.host, 'setting');
    const meta = {
      Name: input.name,
      Metadata: input.description ? { Description: input.description } : {},
      Endpoints: { docker: { Host: input.host.trim(), SkipTLSVerify: input.skipTlsVerify === true } },
    };
    const metaDir = this.metaDir(input.name);
    fs.mkdirSync(metaDir, { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(metaDir, 'meta.json'), JSON.stringify(meta), { mode: 0o644 });
    const tls = input.tls;
    if (tls && (tls.ca || tls.cert || tls.key)) {
      const dir = path.join(this.tlsDir(input.name), 'docker');
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      for (const [file, content] of [['ca.pem', tls.ca], ['cert.pem', tls.cert], ['key.pem', tls.key]] as const) {
        if (content) fs.writeFileSync(path.join(dir, file), content, { mode: 0o600 });
      }
    }
    return this.get(input.name)!;
  }

  /** `docker context use NAME`: "default" removes currentContext, as the CLI does. */
  use(name: string): void {
    if (!this.get(name)) throw new EngineError('contextNotFound', `context "${name}" not found`, { context: name });
    const config = this.readConfig() ?? {};
    if (name === 'default') delete config.currentContext;
    else config.currentContext = name;
    this.writeConfig(config);
  }

  /** `docker context rm -f NAME`: the current context falls back to default. */
  remove(name: string): void {
    if (name === 'default') throw new EngineError('conflict', 'the default context cannot be removed', { engineMessage: 'default context cannot be removed', context: name });
    if (!this.get(name)) throw new EngineError('contextNotFound', `context "${name}" not found`, { context: name });
    fs.rmSync(this.metaDir(name), { recursive: true, force: true });
    fs.rmSync(this.tlsDir(name), { recursive: true, force: true });
    if (this.current() === name) this.use('default');
  }

  /** What `docker context inspect NAME` prints (one element of its array). */
  inspect(name: string): Record<string, unknown> {
    const c = this.get(name);
    if (!c) throw new EngineError('contextNotFound', `context "${name}" not found`, { context: name });
    return {
      Name: c.name,
      Metadata: !c.builtIn && c.description ? { Description: c.description } : {},
      Endpoints: { docker: { Host: c.host, SkipTLSVerify: c.skipTlsVerify } },
      TLSMaterial: c.tlsMaterial.length ? { docker: c.tlsMaterial } : {},
      Storage: { MetadataPath: c.builtIn ? '<IN MEMORY>' : c.metadataPath, TLSPath: c.builtIn ? '<IN MEMORY>' : c.tlsPath },
    };
  }

  private readConfig(): Record<string, unknown> | undefined {
    try {
      const parsed = JSON.parse(fs.readFileSync(path.join(this.configDir, 'config.json'), 'utf8'));
      return parsed && typeof parsed === 'object' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** config.json as the CLI writes it: tab-indented, through a temporary file renamed over the old one. */
  private writeConfig(config: Record<string, unknown>): void {
    const file = path.join(this.configDir, 'config.json');
    fs.mkdirSync(this.configDir, { recursive: true, mode: 0o700 });
    let mode = 0o600;
    try {
      mode = fs.statSync(file).mode & 0o777;
    } catch {
      // a new config.json
    }
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(config, null, '\t'), { mode });
    fs.renameSync(temp, file);
  }
}

export function validateContextName(name: string): void {
  if (!NAME.test(name)) {
    throw new EngineError('conflict', `invalid context name "${name}"`, {
      engineMessage: `"${name}" is not a valid context name: use letters, digits and _ . + -, starting with a letter or digit`,
      context: name,
    });
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
