// Every command's handler, joined from the per-area tables. Loaded on the first command call, not at
// activation (see lazyCommands.ts): building the handlers and evaluating their modules was most of what
// activation cost.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { EngineDocuments, ReadOnlyDocuments } from '../inspect/readOnlyDocuments';
import { retryEngine } from './retryEngine';
import { showEngineDetails } from './showEngineDetails';
import type { EngineRegistry } from '../session/engineRegistry';
import type { TerminalServices } from '../terminals/terminalServices';
import type { EnginesView } from '../tree/engines/enginesView';
import type { Explorer } from '../tree/explorer';
import type { CommandHandler, CommandServices } from './commandWrapper';
import { composeCommandTable } from './compose/index';
import { runDockerDoctor } from './doctor/runDockerDoctor';
import { addDockerFiles } from './scaffold/addDockerFiles';
import type { DoctorService } from '../webview/doctor/doctorService';
import { deliveryCommandTable, type Registries } from './deliveryCommands';
import { engineCommandTable } from './engines/index';
import type { ContainerFiles } from '../files/containerFiles';
import { fileCommandTable } from './files/index';
import { explorerCommandTable } from './index';
import { manageCommandTable } from './manageCommands';
import { swarmCommandTable } from './swarm/index';
import { terminalCommandTable } from './terminals/index';
import type { SwarmViews } from '../tree/swarm/swarmViews';
import { openSampleDockerfile, WalkthroughCommands } from './walkthrough/openSampleDockerfile';

export interface CommandTableDependencies extends EngineCommandDependencies {
  readonly explorer: Explorer;
  /** Every engine's read-only documents (the swarm's are the primary engine's). */
  readonly readOnlyDocuments: ReadOnlyDocuments;
  readonly engines: EngineRegistry;
  readonly enginesView: EnginesView;
  readonly files: ContainerFiles;
  readonly doctor: DoctorService;
  readonly swarm: SwarmViews;
}

export interface CommandTable {
  readonly handlers: Readonly<Record<string, CommandHandler>>;
  /** What the handlers keep alive until the extension ends. */
  readonly disposables: readonly vscode.Disposable[];
  /** The ids of the commands that act on one engine (each engine shown gets a table of its own of them). */
  readonly engineScoped?: readonly string[];
}

/** What a command acting on one engine needs, built for each engine it is used on. */
export interface EngineCommandDependencies extends CommandServices {
  /**
   * After a command changed the engine: shows the change in the views now where no event will say it (an
   * engine whose event stream is not open). Where the stream is open its events repaint the rows, and a full
   * read after each stop or removal cost four list requests that changed nothing the user saw.
   */
  readonly refreshViews: () => void;
  readonly context: vscode.ExtensionContext;
  readonly terminals: TerminalServices;
  readonly documents: EngineDocuments;
  readonly registries: Registries;
}

/**
 * The commands that act on one engine: on the engine of the row they were invoked on, or, from the palette
 * while several engines are shown, the one the user picks (lazyCommands.ts). Each engine gets its own table.
 */
export function createEngineCommandTable(deps: EngineCommandDependencies): CommandTable {
  const delivery = deliveryCommandTable(deps.context, deps.session, deps.log, deps.registries);
  return {
    handlers: {
      [Commands.retryEngine]: retryEngine(deps),
      [Commands.showEngineDetails]: showEngineDetails(deps),
      ...manageCommandTable(deps, deps.documents, deps.refreshViews),
      ...delivery.handlers,
      ...terminalCommandTable(deps.terminals),
    },
    disposables: delivery.disposables,
  };
}

/** Every command, for the primary engine: the engine commands above and those acting on the window. */
export function createCommandTable(deps: CommandTableDependencies): CommandTable {
  const engineScoped = createEngineCommandTable(deps);
  const compose = composeCommandTable(deps.context, deps.log, deps.terminals);
  return {
    handlers: {
      ...explorerCommandTable(deps),
      ...engineScoped.handlers,
      ...engineCommandTable(deps.engines, deps.enginesView),
      ...fileCommandTable(deps.files, (node) => deps.explorer.engineOf(node)),
      ...compose.handlers,
      [Commands.runDockerDoctor]: runDockerDoctor(deps.context.extensionUri, deps.doctor, deps),
      [Commands.addDockerFiles]: addDockerFiles(deps),
      ...swarmCommandTable(deps, deps.swarm.watch, deps.readOnlyDocuments, deps.terminals),
      [WalkthroughCommands.openSampleDockerfile]: openSampleDockerfile(),
    },
    disposables: [...engineScoped.disposables, ...compose.disposables],
    engineScoped: Object.keys(engineScoped.handlers),
  };
}
