// The commands that manage what the engine holds (issue 4): lifecycle, inspect, images, networks,
// volumes, cleanup. Their ids are listed once here and matched by package.json.
import { registerInspectProducers } from '../inspect/inspectCommand';
import type { EngineDocuments } from '../inspect/readOnlyDocuments';
import { refreshDocument } from '../inspect/refreshDocument';
import type { ManageServices } from '../manage/runOnTargets';
import type { CommandHandler, CommandServices } from './commandWrapper';
import { commitContainer } from './containers/commitContainer';
import { copyContainerId } from './containers/copyContainerId';
import { copyContainerName } from './containers/copyContainerName';
import { inspectContainers } from './containers/inspectContainers';
import { killContainers } from './containers/killContainers';
import { openPublishedPort } from './containers/openPublishedPort';
import { pauseContainers } from './containers/pauseContainers';
import { removeContainers } from './containers/removeContainers';
import { renameContainer } from './containers/renameContainer';
import { restartContainers } from './containers/restartContainers';
import { startContainers } from './containers/startContainers';
import { stopContainers } from './containers/stopContainers';
import { unpauseContainers } from './containers/unpauseContainers';
import { updateContainer } from './containers/updateContainer';
import { copyImageId } from './images/copyImageId';
import { copyImageName } from './images/copyImageName';
import { inspectImages } from './images/inspectImages';
import { loadImages } from './images/loadImages';
import { removeImages } from './images/removeImages';
import { saveImages } from './images/saveImages';
import { registerImageHistoryDocument, showImageHistory } from './images/showImageHistory';
import { tagImage } from './images/tagImage';
import { connectContainer } from './networks/connectContainer';
import { createNetwork } from './networks/createNetwork';
import { disconnectContainer } from './networks/disconnectContainer';
import { inspectNetworks } from './networks/inspectNetworks';
import { removeNetworks } from './networks/removeNetworks';
import { pruneContainers } from './system/pruneContainers';
import { pruneImages } from './system/pruneImages';
import { pruneNetworks } from './system/pruneNetworks';
import { pruneSystem } from './system/pruneSystem';
import { pruneVolumes } from './system/pruneVolumes';
import { registerDiskUsageDocument, showDiskUsage } from './system/showDiskUsage';
import { createVolume } from './volumes/createVolume';
import { inspectVolumes } from './volumes/inspectVolumes';
import { removeVolumes } from './volumes/removeVolumes';

export const ManageCommands = {
  startContainer: 'dockside.containers.start',
  stopContainer: 'dockside.containers.stop',
  restartContainer: 'dockside.containers.restart',
  killContainer: 'dockside.containers.kill',
  pauseContainer: 'dockside.containers.pause',
  unpauseContainer: 'dockside.containers.unpause',
  removeContainer: 'dockside.containers.remove',
  renameContainer: 'dockside.containers.rename',
  inspectContainer: 'dockside.containers.inspect',
  commitContainer: 'dockside.containers.commit',
  updateContainer: 'dockside.containers.update',
  copyContainerId: 'dockside.containers.copyId',
  copyContainerName: 'dockside.containers.copyName',
  openPublishedPort: 'dockside.containers.openPort',
  tagImage: 'dockside.images.tag',
  removeImage: 'dockside.images.remove',
  imageHistory: 'dockside.images.history',
  saveImages: 'dockside.images.save',
  loadImages: 'dockside.images.load',
  copyImageName: 'dockside.images.copyName',
  copyImageId: 'dockside.images.copyId',
  inspectImage: 'dockside.images.inspect',
  createNetwork: 'dockside.networks.create',
  removeNetwork: 'dockside.networks.remove',
  connectContainer: 'dockside.networks.connect',
  disconnectContainer: 'dockside.networks.disconnect',
  inspectNetwork: 'dockside.networks.inspect',
  createVolume: 'dockside.volumes.create',
  removeVolume: 'dockside.volumes.remove',
  inspectVolume: 'dockside.volumes.inspect',
  pruneContainers: 'dockside.system.pruneContainers',
  pruneImages: 'dockside.system.pruneImages',
  pruneNetworks: 'dockside.system.pruneNetworks',
  pruneVolumes: 'dockside.system.pruneVolumes',
  pruneSystem: 'dockside.system.prune',
  diskUsage: 'dockside.system.diskUsage',
  refreshDocument: 'dockside.system.refreshDocument',
} as const;

/** The handlers; also teaches `documents` how to produce the inspect, history and disk usage documents. */
export function manageCommandTable(services: CommandServices, documents: EngineDocuments, refreshViews: () => void): Record<string, CommandHandler> {
  const s: ManageServices = { ...services, refreshViews, documents };
  registerInspectProducers(documents, services.session);
  registerImageHistoryDocument(s);
  registerDiskUsageDocument(s);
  const c = ManageCommands;
  return {
    [c.startContainer]: startContainers(s),
    [c.stopContainer]: stopContainers(s),
    [c.restartContainer]: restartContainers(s),
    [c.killContainer]: killContainers(s),
    [c.pauseContainer]: pauseContainers(s),
    [c.unpauseContainer]: unpauseContainers(s),
    [c.removeContainer]: removeContainers(s),
    [c.renameContainer]: renameContainer(s),
    [c.inspectContainer]: inspectContainers(s),
    [c.commitContainer]: commitContainer(s),
    [c.updateContainer]: updateContainer(s),
    [c.copyContainerId]: copyContainerId(s),
    [c.copyContainerName]: copyContainerName(s),
    [c.openPublishedPort]: openPublishedPort(s),
    [c.tagImage]: tagImage(s),
    [c.removeImage]: removeImages(s),
    [c.imageHistory]: showImageHistory(s),
    [c.saveImages]: saveImages(s),
    [c.loadImages]: loadImages(s),
    [c.copyImageName]: copyImageName(s),
    [c.copyImageId]: copyImageId(s),
    [c.inspectImage]: inspectImages(s),
    [c.createNetwork]: createNetwork(s),
    [c.removeNetwork]: removeNetworks(s),
    [c.connectContainer]: connectContainer(s),
    [c.disconnectContainer]: disconnectContainer(s),
    [c.inspectNetwork]: inspectNetworks(s),
    [c.createVolume]: createVolume(s),
    [c.removeVolume]: removeVolumes(s),
    [c.inspectVolume]: inspectVolumes(s),
    [c.pruneContainers]: pruneContainers(s),
    [c.pruneImages]: pruneImages(s),
    [c.pruneNetworks]: pruneNetworks(s),
    [c.pruneVolumes]: pruneVolumes(s),
    [c.pruneSystem]: pruneSystem(s),
    [c.diskUsage]: showDiskUsage(s),
    [c.refreshDocument]: refreshDocument(s),
  };
}
