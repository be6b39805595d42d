// The composition root: builds every service once and hands it to what needs it. Nothing heavy happens
// here: the engine bundle loads when the first engine call is made, the language client when the first
// Dockerfile opens.
import { bundleEvaluationStart } from './activationClock';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { createRegistries } from './commands/deliveryCommands';
import { ColdTimeline } from './coldTimeline';
import { LazyCommands } from './commands/lazyCommands';
import { registerComposeCodeLenses } from './compose/composeCodeLens';
import { launchComposeClientOnDemand } from './compose/composeLanguageLauncher';
import { launchDockerfileClientOnDemand } from './dockerfileClientLauncher';
import { ReadOnlyDocuments } from './inspect/readOnlyDocuments';
import { ContainerFiles } from './files/containerFiles';
import { createLog } from './log';
import { bindEngineContextKeys } from './session/engineContextKeys';
import { cachedEngineLoader } from './session/engineBundle';
import { EngineRegistry } from './session/engineRegistry';
import type { EngineSession } from './session/engineSession';
import { PerEngine } from './session/perEngine';
import { commandEngine } from './commands/commandEngine';
import type { EngineState } from './session/engineState';
import { Settings } from './settings';
import { registerDocksideTasks } from './tasks/registerTasks';
import { createEngineStatusItem } from './status/engineStatusItem';
import { Explorer } from './tree/explorer';
import { EnginesView } from './tree/engines/enginesView';
import { ExplorerSnapshots } from './tree/explorerSnapshots';
import { firstRowsOf } from './tree/firstRows';
import { SwarmViews } from './tree/swarm/swarmViews';
import { TerminalServices } from './terminals/terminalServices';
import type { StatsService } from './stats/statsService';
import { DoctorService } from './webview/doctor/doctorService';

// Every import above has been evaluated by the time this line runs.
const bundleEvaluated = performance.now();

/** What the extension exposes to other extensions and to its own integration tests. */
export interface DocksideApi {
  readonly engineState: () => EngineState;
  readonly onDidChangeEngineState: vscode.Event<EngineState>;
  /** Dockside's own activation cost: evaluating the bundle, and running activate(). */
  readonly activationTiming: { readonly bundleEvaluationMs: number; readonly activateMs: number };
  /** The cold-start timeline: when each step up to the first rows happened (ms since the epoch). */
  readonly coldTimeline: () => readonly { readonly mark: string; readonly at: number }[];
  /** True while the explorer's engine event stream is open (it is open only while a Dockside view shows). */
  readonly explorerStreaming: () => boolean;
  /** Live container stats (streams only while watched) and what Dockside's terminals wrote, as plain text. */
  readonly terminals: { readonly stats: StatsService; readonly transcripts: () => Record<string, string> };
  /** Commands with a handler but not in package.json, and the other way round (both empty in a sound build). */
  readonly commandCoverage: () => { undeclared: string[]; unhandled: string[] };
  /** Volumes with a helper container now (`<engine id>/<volume>`). */
  readonly volumeHelpers: () => string[];
  /** The swarm views' state (issue 17): true while their event stream is open. */
  readonly swarmStreaming: () => boolean;
}

export function activate(context: vscode.ExtensionContext): DocksideApi {
  const activateStart = performance.now();
  const timeline = new ColdTimeline();
  timeline.mark('bundle evaluation started', bundleEvaluationStart);
  const log = createLog();
  const settings = new Settings();
  const engines = new EngineRegistry(settings, log, context.workspaceState, cachedEngineLoader(path.join(__dirname, 'engine.js'), vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath));
  const session = engines.primary;
  const snapshots = new ExplorerSnapshots(vscode.Uri.joinPath(context.globalStorageUri, 'explorer').fsPath);
  // Before the rest is set up: a quick read has the engine list its containers meanwhile (tree/firstRows.ts).
  const firstRows = firstRowsOf(session, snapshots, timeline);
  const enginesView = new EnginesView(engines);
  // While several engines are shown, titles (terminals, documents) start with the engine's name.
  const sessionOf = (id: string) => engines.shown().find((s) => s.id === id);
  const terminalsOf: PerEngine<TerminalServices> = new PerEngine(engines, (s) =>
    s === session
      ? new TerminalServices(s, log, context.extensionUri, { kind: 'primary', sessionOf })
      : new TerminalServices(s, log, context.extensionUri, { kind: 'other', primary: terminals }),
  );
  const terminals = terminalsOf.get(session);
  const files = new ContainerFiles(() => engines.shown(), (s) => engines.labelOf(s), log);
  const explorer = new Explorer(engines, settings, log, context.workspaceState, (s) => ({ usage: terminalsOf.get(s).stats, containerChildren: [files.treeFor(s)] }), timeline, files.dragAndDrop);
  const answersFirstAsk = explorer.rememberPrimary(snapshots, firstRows);
  const registries = createRegistries(context, session, log);
  const doctor = new DoctorService(session, log);
  const swarm = new SwarmViews(session, log);
  const readOnlyDocuments = new ReadOnlyDocuments(() => commands.load());
  const documentsOf = (s: EngineSession) => readOnlyDocuments.forEngine(s.id, (title) => s.titled(title));
  // Required when first used, not imported above: the bundle evaluates the command modules only then.
  const tables = () => require('./commands/commandTable') as typeof import('./commands/commandTable');
  const refreshViews = () => void explorer.resyncUnwatched();
  const commands = new LazyCommands(
    declaredCommands(context),
    { session, log },
    () => tables().createCommandTable({ context, session, log, refreshViews, explorer, terminals, documents: documentsOf(session), readOnlyDocuments, registries, engines, enginesView, files, doctor, swarm }),
    {
      engineOf: (args) => commandEngine(engines, explorer, args),
      build: (s) => tables().createEngineCommandTable({ context, session: s, log, refreshViews, terminals: terminalsOf.get(s), documents: documentsOf(s), registries }),
      shown: () => engines.shown(),
    },
  );

  context.subscriptions.push(
    log,
    settings,
    engines,
    enginesView,
    files,
    // Before the explorer: what is due is written from the store as it was last.
    snapshots,
    explorer,
    terminalsOf,
    swarm,
    bindEngineContextKeys(session),
    createEngineStatusItem(session),
    registries,
    doctor,
    readOnlyDocuments,
    commands,
    launchDockerfileClientOnDemand(context, log, session),
    launchComposeClientOnDemand(context, log, session),
    registerComposeCodeLenses(),
    registerDocksideTasks(session, log, context),
  );

  // Connect after activation returns: the first paint of the view never waits for the engine. With the last
  // window's containers to paint, or a quick read of a local engine's on the way, once VS Code has them (or a
  // view needs the engine; at the latest after a second, when no view asks): the connect would otherwise hold
  // VS Code's first ask back (tree/firstAsk.ts).
  if (answersFirstAsk) void explorer.primary.firstAsk.whenAnswered().then(() => session.connectUnlessStarted());
  else setImmediate(() => void session.connect());
  timeline.mark('activated');
  const activationTiming = { bundleEvaluationMs: bundleEvaluated - bundleEvaluationStart, activateMs: performance.now() - activateStart };
  log.info(`Activated: bundle evaluated in ${activationTiming.bundleEvaluationMs.toFixed(1)} ms, activate() ran in ${activationTiming.activateMs.toFixed(1)} ms`);
  return { engineState: () => session.state, onDidChangeEngineState: session.onDidChangeState, activationTiming, coldTimeline: () => timeline.entries(), explorerStreaming: () => explorer.coordinator.streaming,
    terminals: { stats: terminals.stats, transcripts: () => terminals.registry.transcripts() }, commandCoverage: () => commands.coverage(),
    volumeHelpers: () => files.volumes.active, swarmStreaming: () => swarm.watch.streaming };
}

/** The command ids package.json declares: each is registered at activation, its handler built on first use. */
function declaredCommands(context: vscode.ExtensionContext): string[] {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } };
  return (manifest.contributes?.commands ?? []).map((c) => c.command);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
