// Runs a container from run options: gathers what the engine knows for validation, resolves the
// environment the way the docker CLI does (env files first, then -e; a bare NAME takes this process's
// value), refuses with every problem listed, then creates and starts.
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StartedContainer } from '../engine/index';
import type { EngineSession } from '../session/engineSession';
import { Refusal } from './refusal';
import type { RunSecretStore } from './runSecretStore';
import { secretEnvironment } from './secretEnvironment';
import { splitKeyValue, type RunOptions } from '../models/run/runOptions';
import { validateRunOptions, type EngineFacts, type RunProblem } from './validateRunOptions';

/** Thrown when validation finds errors: the message lists each one. */
export class RunRefused extends Refusal {
  constructor(readonly problems: readonly RunProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

export class RunService {
  constructor(
    readonly session: EngineSession,
    private readonly log: vscode.LogOutputChannel,
    /** Where the values of `secretEnv` variables live (a database password), never settings or state. */
    private readonly secrets: RunSecretStore,
  ) {
    // src/run speaks through @vscode/l10n so it stays testable without VS Code; give it the editor's bundle.
    if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  }

  /** Networks, published ports and CPUs; missing pieces (engine down) just skip those checks. */
  async engineFacts(): Promise<EngineFacts> {
    try {
      const client = await this.session.client();
      const [networks, containers, info] = await Promise.all([client.listNetworks(), client.listContainers(), client.info()]);
      return {
        networks: networks.map((n) => ({ name: n.name, driver: n.driver, subnets: n.ipam.map((c) => c.subnet).filter((s): s is string => !!s) })),
        publishedPorts: containers
          .filter((c) => c.state === 'running' || c.state === 'restarting' || c.state === 'paused')
          .flatMap((c) => c.ports.filter((p) => p.publicPort).map((p) => ({ hostIp: p.ip ?? '', hostPort: String(p.publicPort), protocol: p.protocol, containerName: c.name }))),
        cpus: info.cpus,
      };
    } catch (error) {
      this.log.warn('Run validation without engine facts', error);
      return {};
    }
  }

  async validate(options: RunOptions): Promise<RunProblem[]> {
    const problems = validateRunOptions(options, await this.engineFacts());
    for (const file of options.envFiles ?? []) {
      if (!file.trim()) continue;
      try {
        await fs.access(this.resolvePath(file));
      } catch {
        problems.push({ field: 'envFiles', severity: 'error', message: vscode.l10n.t('The env file {0} does not exist.', this.resolvePath(file)) });
      }
    }
    return problems;
  }

  /** Validates, then creates and starts. Throws RunRefused with every problem when it cannot run. */
  async run(options: RunOptions): Promise<StartedContainer> {
    const errors = (await this.validate(options)).filter((p) => p.severity === 'error');
    if (errors.length) throw new RunRefused(errors);
    const env = [...(await this.environment(options)), ...(await this.secretEnvironment(options))];
    const [engine, client] = await Promise.all([this.session.engine(), this.session.client()]);
    const started = await engine.createAndStartContainer(client, engine.containerCreateBody(options, env));
    this.log.info(`Started ${started.name} (${started.id.slice(0, 12)}) from ${options.image}`);
    return started;
  }

  /** The final Env list: env-file lines, then -e entries; a bare NAME is looked up here or dropped. */
  async environment(options: RunOptions): Promise<string[]> {
    const entries: string[] = [];
    for (const file of (options.envFiles ?? []).filter((f) => f.trim())) {
      const text = await fs.readFile(this.resolvePath(file), 'utf8');
      entries.push(...text.split(/\r?\n/).map((l) => l.trimStart()).filter((l) => l && !l.startsWith('#')));
    }
    entries.push(...(options.env ?? []).map((e) => e.trim()).filter(Boolean));
    return entries.flatMap((entry) => {
      const { key, value } = splitKeyValue(entry);
      if (value !== undefined) return [entry];
      const inherited = process.env[key];
      return inherited === undefined ? [] : [`${key}=${inherited}`];
    });
  }

  /** The secret variables' values, asked for when missing; cancelling the question cancels the run. */
  private async secretEnvironment(options: RunOptions): Promise<string[]> {
    if (!options.secretEnv?.some((v) => v.trim())) return [];
    const entries = await secretEnvironment(options, this.secrets, (variable, owner) =>
      vscode.window.showInputBox({
        title: vscode.l10n.t('{0} for {1}', variable, owner),
        prompt: vscode.l10n.t('Kept in VS Code\'s secret storage, never in settings; the container gets it when it starts.'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v ? undefined : vscode.l10n.t('Type a value.')),
      }),
    );
    if (!entries) throw new vscode.CancellationError();
    return entries;
  }

  /** Relative paths (env files) are taken from the first workspace folder, as a terminal there would. */
  resolvePath(file: string): string {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
    return path.resolve(base, file.trim());
  }
}
