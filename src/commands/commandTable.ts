// Every command's handler, joined from the per-area tables. Loaded on the first command call, not at
// activation (see lazyCommands.ts): building the handlers and evaluating their modules was most of what
// activation cost.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { ReadOnlyDocuments } from '../inspect/readOnlyDocuments';
import type { EngineRegistry } from '../session/engineRegistry';
import type { TerminalServices } from '../terminals/terminalServices';
import type { EnginesView } from '../tree/engines/enginesView';
import type { Explorer } from '../tree/explorer';
import type { CommandHandler, CommandServices } from './commandWrapper';
import { composeCommandTable } from './compose/index';
import { runDockerDoctor } from './doctor/runDockerDoctor';
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

export interface CommandTableDependencies extends CommandServices {
  readonly context: vscode.ExtensionContext;
  readonly explorer: Explorer;
  readonly terminals: TerminalServices;
  readonly documents: ReadOnlyDocuments;
  readonly registries: Registries;
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
}

export function createCommandTable(deps: CommandTableDependencies): CommandTable {
  const refreshViews = () => void vscode.commands.executeCommand(Commands.refreshExplorer);
  const delivery = deliveryCommandTable(deps.context, deps.session, deps.log, deps.registries);
  const compose = composeCommandTable(deps.context, deps.log, deps.terminals);
  return {
    handlers: {
      ...explorerCommandTable(deps),
      ...manageCommandTable(deps, deps.documents, refreshViews),
      ...delivery.handlers,
      ...terminalCommandTable(deps.terminals),
      ...engineCommandTable(deps.engines, deps.enginesView),
      ...fileCommandTable(deps.files),
      ...compose.handlers,
      [Commands.runDockerDoctor]: runDockerDoctor(deps.context.extensionUri, deps.doctor, deps),
      ...swarmCommandTable(deps, deps.swarm.watch, deps.documents, deps.terminals),
      [WalkthroughCommands.openSampleDockerfile]: openSampleDockerfile(),
    },
    disposables: [...delivery.disposables, ...compose.disposables],
  };
}
