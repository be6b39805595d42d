// The composition root: builds every service once and hands it to what needs it. Nothing heavy happens
// here: the engine bundle loads when the first engine call is made, the language client when the first
// Dockerfile opens.
import { bundleEvaluationStart } from './activationClock';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { registerCommands } from './commands/index';
import { Views } from './constants';
import { launchDockerfileClientOnDemand } from './dockerfileClientLauncher';
import { createLog } from './log';
import { bindEngineContextKeys } from './session/engineContextKeys';
import { EngineSession } from './session/engineSession';
import type { EngineState } from './session/engineState';
import { Settings } from './settings';
import { createEngineStatusItem } from './status/engineStatusItem';
import { ContainersProvider } from './tree/containers/containersProvider';

// Every import above has been evaluated by the time this line runs.
const bundleEvaluated = performance.now();

/** What the extension exposes to other extensions and to its own integration tests. */
export interface DocksideApi {
  readonly engineState: () => EngineState;
  readonly onDidChangeEngineState: vscode.Event<EngineState>;
  /** Dockside's own activation cost: evaluating the bundle, and running activate(). */
  readonly activationTiming: { readonly bundleEvaluationMs: number; readonly activateMs: number };
}

export function activate(context: vscode.ExtensionContext): DocksideApi {
  const activateStart = performance.now();
  const log = createLog();
  const settings = new Settings();
  const session = new EngineSession(settings, log);
  const containers = new ContainersProvider(session, log);
  const containersView = vscode.window.createTreeView(Views.containers, {
    treeDataProvider: containers,
    showCollapseAll: false,
    canSelectMany: true,
  });
  const describeView = (state: EngineState) => (containersView.description = state.endpoint?.label);
  describeView(session.state);

  context.subscriptions.push(
    log,
    settings,
    session,
    containers,
    containersView,
    session.onDidChangeState(describeView),
    bindEngineContextKeys(session),
    createEngineStatusItem(session),
    registerCommands({ session, log, containers }),
    launchDockerfileClientOnDemand(context, log, session),
  );

  // Connect after activation returns: the first paint of the view never waits for the engine.
  setImmediate(() => void session.connect());
  const activationTiming = { bundleEvaluationMs: bundleEvaluated - bundleEvaluationStart, activateMs: performance.now() - activateStart };
  log.info(`Activated: bundle evaluated in ${activationTiming.bundleEvaluationMs.toFixed(1)} ms, activate() ran in ${activationTiming.activateMs.toFixed(1)} ms`);
  return { engineState: () => session.state, onDidChangeEngineState: session.onDidChangeState, activationTiming };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
