// Every id the manifest and the code share, listed once.

export const EXTENSION_ID = 'dockside.dockside';
export const VIEW_CONTAINER = 'dockside';

export const Views = {
  containers: 'dockside.containers',
  images: 'dockside.images',
  networks: 'dockside.networks',
  volumes: 'dockside.volumes',
  engines: 'dockside.engines',
} as const;

/** The Engines view (issue 15). */
export const EngineCommands = {
  createContext: 'dockside.engines.createContext',
  useContext: 'dockside.engines.useContext',
  removeContext: 'dockside.engines.removeContext',
  inspectContext: 'dockside.engines.inspectContext',
  showHere: 'dockside.engines.showHere',
  followCli: 'dockside.engines.followCli',
  refresh: 'dockside.engines.refresh',
  exportContext: 'dockside.engines.exportContext',
  importContext: 'dockside.engines.importContext',
  pin: 'dockside.engines.pin',
  unpin: 'dockside.engines.unpin',
} as const;

export const Commands = {
  retryEngine: 'dockside.engine.retry',
  showEngineDetails: 'dockside.engine.showDetails',
  runDockerDoctor: 'dockside.doctor.run',
  addDockerFiles: 'dockside.scaffold.addDockerFiles',
  openEngineSettings: 'dockside.engine.openSettings',
  showLog: 'dockside.showLog',
  refreshContainers: 'dockside.containers.refresh',
  refreshExplorer: 'dockside.explorer.refresh',
  filterContainers: 'dockside.containers.filter',
  filterImages: 'dockside.images.filter',
  filterNetworks: 'dockside.networks.filter',
  filterVolumes: 'dockside.volumes.filter',
  clearContainersFilter: 'dockside.containers.clearFilter',
  clearImagesFilter: 'dockside.images.clearFilter',
  clearNetworksFilter: 'dockside.networks.clearFilter',
  clearVolumesFilter: 'dockside.volumes.clearFilter',
  groupContainersBy: 'dockside.containers.groupBy',
  sortContainersBy: 'dockside.containers.sortBy',
  showDanglingImages: 'dockside.images.showDangling',
  hideDanglingImages: 'dockside.images.hideDangling',
  showContainerUsage: 'dockside.containers.showUsage',
  hideContainerUsage: 'dockside.containers.hideUsage',
} as const;

/** Shells, attach, logs, stats, processes and changes (issue 6). */
export const TerminalCommands = {
  openShell: 'dockside.containers.openShell',
  openShellAs: 'dockside.containers.openShellAs',
  attach: 'dockside.containers.attach',
  followLogs: 'dockside.containers.followLogs',
  followLogsWithOptions: 'dockside.containers.followLogsWithOptions',
  followComposeLogs: 'dockside.compose.followLogs',
  filterLogs: 'dockside.logs.filter',
  saveLogs: 'dockside.logs.save',
  showStats: 'dockside.containers.showStats',
  showProcesses: 'dockside.containers.showProcesses',
  showChanges: 'dockside.containers.showChanges',
} as const;

/** Context keys read by `when` clauses in package.json. */
export const ContextKeys = {
  engineState: 'dockside.engineState',
  engineError: 'dockside.engineError',
  /** The Docker doctor's last report has errors or warnings for the engine shown: the welcome views offer it. */
  doctorProblems: 'dockside.doctorProblems',
  /** The active terminal is an attach with stdin, where Ctrl-P Ctrl-Q must reach the container. */
  detachableTerminal: 'dockside.detachableTerminal',
  /** The active terminal follows logs: Filter and Save in the terminal's menus. */
  logsTerminal: 'dockside.logsTerminal',
} as const;

export const SettingKeys = {
  section: 'dockside',
  engineHost: 'engine.host',
  engineContext: 'engine.context',
  requestTimeoutSeconds: 'engine.requestTimeoutSeconds',
  addedEngines: 'engines',
} as const;

/** Files inside containers and volumes (issue 16). */
export const FileCommands = {
  openFolderInExplorer: 'dockside.files.openFolderInExplorer',
  refresh: 'dockside.files.refresh',
  upload: 'dockside.files.upload',
  download: 'dockside.files.download',
  browseVolume: 'dockside.volumes.browse',
} as const;
