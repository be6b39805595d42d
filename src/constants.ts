// Every id the manifest and the code share, listed once.

export const EXTENSION_ID = 'dockside.dockside';
export const VIEW_CONTAINER = 'dockside';

export const Views = {
  containers: 'dockside.containers',
} as const;

export const Commands = {
  retryEngine: 'dockside.engine.retry',
  showEngineDetails: 'dockside.engine.showDetails',
  openEngineSettings: 'dockside.engine.openSettings',
  showLog: 'dockside.showLog',
  refreshContainers: 'dockside.containers.refresh',
} as const;

/** Context keys read by `when` clauses in package.json. */
export const ContextKeys = {
  engineState: 'dockside.engineState',
  engineError: 'dockside.engineError',
} as const;

export const SettingKeys = {
  section: 'dockside',
  engineHost: 'engine.host',
  engineContext: 'engine.context',
  requestTimeoutSeconds: 'engine.requestTimeoutSeconds',
} as const;
