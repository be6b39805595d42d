// The Engines view's commands (issue 15): contexts like the docker CLI, and the per-workspace engine.
import { EngineCommands } from '../../constants';
import type { EngineRegistry } from '../../session/engineRegistry';
import type { EnginesView } from '../../tree/engines/enginesView';
import type { CommandHandler } from '../commandWrapper';
import { createContext } from './createContext';
import { exportDockerContext, importDockerContext } from './exportImportContext';
import { inspectContext } from './inspectContext';
import { pinEngine, unpinEngine } from './pinEngine';
import { removeContext } from './removeContext';
import { followCliEngine, showEngineHere } from './showEngineHere';
import { useContext } from './useContext';

export function engineCommandTable(registry: EngineRegistry, view: EnginesView): Record<string, CommandHandler> {
  return {
    [EngineCommands.createContext]: createContext(registry),
    [EngineCommands.useContext]: useContext(registry),
    [EngineCommands.removeContext]: removeContext(registry),
    [EngineCommands.inspectContext]: inspectContext(registry),
    [EngineCommands.showHere]: showEngineHere(registry),
    [EngineCommands.followCli]: followCliEngine(registry),
    [EngineCommands.refresh]: () => view.provider.reprobe(),
    [EngineCommands.exportContext]: exportDockerContext(registry),
    [EngineCommands.importContext]: importDockerContext(registry),
    [EngineCommands.pin]: pinEngine(registry),
    [EngineCommands.unpin]: unpinEngine(registry),
  };
}
