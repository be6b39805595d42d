// The swarm commands (issue 17): id → handler. Their ids are listed once here and matched by package.json.
import type { ReadOnlyDocuments } from '../../inspect/readOnlyDocuments';
import type { TerminalServices } from '../../terminals/terminalServices';
import type { SwarmWatch } from '../../tree/swarm/swarmWatch';
import type { CommandHandler, CommandServices } from '../commandWrapper';
import { copyJoinCommand } from './copyJoinCommand';
import { createService } from './createService';
import { createSwarmObject } from './createSwarmObject';
import { deployStack } from './deployStack';
import { addNodeLabel, removeNodeLabel } from './editNodeLabels';
import { followServiceLogs } from './followServiceLogs';
import { forceUpdateService } from './forceUpdateService';
import { initSwarm } from './initSwarm';
import { inspectSwarmItem, registerSwarmInspectProducers } from './inspectSwarmItem';
import { leaveSwarm } from './leaveSwarm';
import { removeService } from './removeService';
import { removeStack } from './removeStack';
import { removeSwarmObject } from './removeSwarmObject';
import { rollbackService } from './rollbackService';
import { scaleService } from './scaleService';
import { setNodeAvailability } from './setNodeAvailability';
import { setNodeRole } from './setNodeRole';
import { updateServiceImage } from './updateServiceImage';

export const SwarmCommands = {
  refresh: 'dockside.swarm.refresh',
  createService: 'dockside.swarm.createService',
  scaleService: 'dockside.swarm.scaleService',
  updateServiceImage: 'dockside.swarm.updateServiceImage',
  forceUpdateService: 'dockside.swarm.forceUpdateService',
  rollbackService: 'dockside.swarm.rollbackService',
  removeService: 'dockside.swarm.removeService',
  followServiceLogs: 'dockside.swarm.followServiceLogs',
  inspectService: 'dockside.swarm.inspectService',
  promoteNode: 'dockside.swarm.promoteNode',
  demoteNode: 'dockside.swarm.demoteNode',
  setNodeAvailability: 'dockside.swarm.setNodeAvailability',
  inspectNode: 'dockside.swarm.inspectNode',
  createSecret: 'dockside.swarm.createSecret',
  createConfig: 'dockside.swarm.createConfig',
  inspectSecret: 'dockside.swarm.inspectSecret',
  inspectConfig: 'dockside.swarm.inspectConfig',
  removeSecret: 'dockside.swarm.removeSecret',
  removeConfig: 'dockside.swarm.removeConfig',
  init: 'dockside.swarm.init',
  copyJoinCommand: 'dockside.swarm.copyJoinCommand',
  leave: 'dockside.swarm.leave',
  deployStack: 'dockside.swarm.deployStack',
  removeStack: 'dockside.swarm.removeStack',
  addNodeLabel: 'dockside.swarm.addNodeLabel',
  removeNodeLabel: 'dockside.swarm.removeNodeLabel',
} as const;

export function swarmCommandTable(deps: CommandServices, swarm: SwarmWatch, documents: ReadOnlyDocuments, terminals: TerminalServices): Record<string, CommandHandler> {
  const services = { ...deps, swarm, documents, terminals };
  registerSwarmInspectProducers(documents, deps);
  return {
    [SwarmCommands.refresh]: () => swarm.refresh(),
    [SwarmCommands.createService]: createService(services),
    [SwarmCommands.scaleService]: scaleService(services),
    [SwarmCommands.updateServiceImage]: updateServiceImage(services),
    [SwarmCommands.forceUpdateService]: forceUpdateService(services),
    [SwarmCommands.rollbackService]: rollbackService(services),
    [SwarmCommands.removeService]: removeService(services),
    [SwarmCommands.followServiceLogs]: followServiceLogs(services),
    [SwarmCommands.inspectService]: inspectSwarmItem(services, 'swarm-service'),
    [SwarmCommands.promoteNode]: setNodeRole(services, 'manager'),
    [SwarmCommands.demoteNode]: setNodeRole(services, 'worker'),
    [SwarmCommands.setNodeAvailability]: setNodeAvailability(services),
    [SwarmCommands.inspectNode]: inspectSwarmItem(services, 'swarm-node'),
    [SwarmCommands.createSecret]: createSwarmObject(services, 'secret'),
    [SwarmCommands.createConfig]: createSwarmObject(services, 'config'),
    [SwarmCommands.inspectSecret]: inspectSwarmItem(services, 'swarm-secret'),
    [SwarmCommands.inspectConfig]: inspectSwarmItem(services, 'swarm-config'),
    [SwarmCommands.removeSecret]: removeSwarmObject(services, 'secret'),
    [SwarmCommands.removeConfig]: removeSwarmObject(services, 'config'),
    [SwarmCommands.init]: initSwarm(services),
    [SwarmCommands.copyJoinCommand]: copyJoinCommand(services),
    [SwarmCommands.leave]: leaveSwarm(services),
    [SwarmCommands.deployStack]: deployStack(services),
    [SwarmCommands.removeStack]: removeStack(services),
    [SwarmCommands.addNodeLabel]: addNodeLabel(services),
    [SwarmCommands.removeNodeLabel]: removeNodeLabel(services),
  };
}
