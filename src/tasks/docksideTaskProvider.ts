// The `dockside` task provider: a build task for each Dockerfile and an up/down pair for each compose file in
// the workspace (found cheaply, with a limit), tasks.json entries resolved, and every task run through a
// Pseudoterminal over the engine and compose layers: no shell, argument arrays, output streamed, the exit
// code returned, closing the terminal cancels. Nothing runs in an untrusted workspace.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { findComposeCli, runCompose, type ComposeCli } from '../compose/composeCli';
import { projectArgs, type ComposeProjectSpec } from '../compose/composeProject';
import { COMPOSE_COMMAND_SETTING } from '../compose/composeService';
import { confirmRenderedRisks } from '../compose/confirmProjectRisks';
import { stripAnsi } from '../build/buildOutput';
import { confirmRunConfiguration } from '../run/confirmRunConfiguration';
import { listRunConfigurations } from '../run/runConfigurations';
import { RunSecretStore } from '../run/runSecretStore';
import { RunService } from '../run/runService';
import { untrustedSentence } from '../session/workspaceTrust';
import type { EngineSession } from '../session/engineSession';
import { runBuildTask } from './buildTaskRun';
import { composeProblemLine } from './composeTaskProblem';
import { TASK_TYPE, buildRequest, composeArgs, composeSpec, definitionProblem, taskLabel, type ComposeTaskDefinition, type DocksideTaskDefinition } from './taskDefinitions';

const DOCKERFILE_GLOB = '**/{Dockerfile,Dockerfile.*,*.dockerfile,Containerfile}';
const COMPOSE_GLOB = '**/{compose,docker-compose}.{yml,yaml}';
const EXCLUDE = '**/node_modules/**';
/** Enough for a repository's own files; a monorepo with more writes its tasks in tasks.json. */
const FIND_LIMIT = 50;

type Work = (write: (text: string) => void, signal: AbortSignal) => Promise<number>;

export class DocksideTaskProvider implements vscode.TaskProvider {
  private readonly runs: RunService;

  constructor(
    private readonly session: EngineSession,
    private readonly log: vscode.LogOutputChannel,
    private readonly state: vscode.Memento,
    private readonly workspaceState: vscode.Memento,
    secrets: vscode.SecretStorage,
  ) {
    this.runs = new RunService(session, log, new RunSecretStore(secrets, state));
    if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  }

  async provideTasks(token: vscode.CancellationToken): Promise<vscode.Task[]> {
    const [dockerfiles, composeFiles] = await Promise.all([
      vscode.workspace.findFiles(DOCKERFILE_GLOB, EXCLUDE, FIND_LIMIT, token),
      vscode.workspace.findFiles(COMPOSE_GLOB, EXCLUDE, FIND_LIMIT, token),
    ]);
    const tasks: vscode.Task[] = [];
    for (const uri of dockerfiles) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) continue;
      const task = this.task({ type: TASK_TYPE, task: 'build', dockerfile: vscode.workspace.asRelativePath(uri, false) }, folder);
      task.group = vscode.TaskGroup.Build;
      tasks.push(task);
    }
    for (const uri of composeFiles) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) continue;
      const file = vscode.workspace.asRelativePath(uri, false);
      for (const action of ['up', 'down'] as const) tasks.push(this.task({ type: TASK_TYPE, task: 'compose', action, file }, folder));
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as DocksideTaskDefinition;
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const resolved = this.task(definition, folder, task.name);
    // The definition must be the same object, or VS Code takes the resolved task for another one.
    resolved.definition = task.definition;
    return resolved;
  }

  private task(definition: DocksideTaskDefinition, folder: vscode.WorkspaceFolder, name = taskLabel(definition)): vscode.Task {
    const execution = new vscode.CustomExecution(async (resolved) => new TaskTerminal(this.work(resolved as DocksideTaskDefinition, folder), this.log));
    const matchers = definition.task === 'build' ? ['$dockside-build'] : definition.task === 'compose' ? ['$dockside-compose'] : [];
    return new vscode.Task(definition, folder, name, TASK_TYPE, execution, matchers);
  }

  private work(definition: DocksideTaskDefinition, folder: vscode.WorkspaceFolder): Work {
    return async (write, signal) => {
      const line = (text: string) => write(`${text.replace(/\r?\n/g, '\r\n')}\r\n`);
      // As the commands refuse: a repository nobody trusted yet runs nothing and reaches no engine.
      if (!vscode.workspace.isTrusted) {
        line(untrustedSentence());
        return 1;
      }
      const problem = definitionProblem(definition as unknown as Record<string, unknown>);
      if (problem) {
        line(vscode.l10n.t('This dockside task has no valid "{0}" property. See the task types in the Dockside README.', problem));
        return 1;
      }
      const dir = folder.uri.fsPath;
      if (definition.task === 'build') {
        const [engine, client] = await Promise.all([this.session.engine(), this.session.client()]);
        const builder = vscode.workspace.getConfiguration('dockside').get<'auto' | 'classic' | 'buildkit'>('build.builder', 'auto');
        return runBuildTask(engine, client, buildRequest(definition, dir), builder, { write, signal });
      }
      if (definition.task === 'run') return this.runConfiguration(definition.configuration, line);
      return this.compose(definition, dir, line, signal);
    };
  }

  private async runConfiguration(name: string, line: (text: string) => void): Promise<number> {
    const configuration = listRunConfigurations().find((c) => c.name === name);
    if (!configuration) {
      line(vscode.l10n.t('There is no run configuration named "{0}" in this workspace.', name));
      return 1;
    }
    // A configuration from the workspace's settings is reviewed before its first run, as from the palette.
    if (!(await confirmRunConfiguration(this.state, configuration))) {
      line(vscode.l10n.t('Not run: the configuration was not confirmed.'));
      return 1;
    }
    const started = await this.runs.run(configuration.options);
    line(vscode.l10n.t('Started {0} from {1}.', started.name, configuration.options.image));
    return 0;
  }

  private async compose(definition: ComposeTaskDefinition, dir: string, line: (text: string) => void, signal: AbortSignal): Promise<number> {
    const configured = vscode.workspace.getConfiguration().get<string>(COMPOSE_COMMAND_SETTING)?.trim() || undefined;
    const { cli, tried } = await findComposeCli(configured);
    if (!cli) {
      line(vscode.l10n.t('No compose CLI found (tried {0}). Install Docker Compose v2 (the docker-compose-plugin or docker-compose-v2 package) or v1 (the docker-compose package), or set dockside.compose.command.', tried.join(', ')));
      return 1;
    }
    const spec = composeSpec(definition, dir);
    // What the project does to this machine (host mounts, privileged…) is shown before it first comes up, as
    // from the palette; the project is rendered here, so that a file compose cannot read fails the task with its problem line.
    if (definition.action === 'up') {
      const rendered = await runComposeStep(cli, spec, ['config'], line, signal, false);
      if (rendered.code !== 0) return rendered.code;
      if (!(await confirmRenderedRisks(this.workspaceState, spec, rendered.stdout))) {
        line(vscode.l10n.t('Not brought up: the project was not confirmed.'));
        return 1;
      }
    }
    return (await runComposeStep(cli, spec, composeArgs(definition), line, signal, true)).code;
  }
}

/**
 * One compose run of a task: the command line, its output when `echo` (else only a failure's stderr), and
 * after a failure the `$dockside-compose` problem line where the CLI names a place in the files. 130 when cancelled.
 */
async function runComposeStep(cli: ComposeCli, spec: ComposeProjectSpec, subcommand: string[], line: (text: string) => void, signal: AbortSignal, echo: boolean): Promise<{ code: number; stdout: string }> {
  const args = [...(cli.version.generation === 'v2' ? ['--ansi', 'never'] : []), ...projectArgs(spec), ...subcommand];
  line(`$ ${cli.label} ${args.join(' ')}`);
  const result = await runCompose(cli, args, { cwd: spec.directory, signal, onLine: echo ? (text) => line(stripAnsi(text)) : undefined });
  if (result.cancelled) return { code: 130, stdout: result.stdout };
  if (result.code === 0) return result;
  if (!echo) for (const text of stripAnsi(result.stderr).split(/\r?\n/)) if (text.trim()) line(text);
  const problem = await composeProblemLine(spec, result.stderr);
  if (problem) {
    line('');
    line(problem);
  }
  return result;
}

/** The task's terminal: runs the work once opened, closes with its exit code; closing it cancels the work. */
class TaskTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private readonly controller = new AbortController();

  constructor(
    private readonly work: Work,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  open(): void {
    void this.work((text) => this.writeEmitter.fire(text), this.controller.signal).then(
      (code) => this.closeEmitter.fire(code),
      (error: unknown) => {
        this.log.error('Dockside task failed', error);
        const message = error instanceof Error ? error.message : String(error);
        this.writeEmitter.fire(`${vscode.l10n.t('The task failed: {0}', message)}\r\n`);
        this.closeEmitter.fire(1);
      },
    );
  }

  close(): void {
    this.controller.abort();
  }
}
