// The compose command ids (package.json declares each; the code lenses and menus use them).
export const ComposeCommands = {
  up: 'dockside.compose.up',
  down: 'dockside.compose.down',
  start: 'dockside.compose.start',
  stop: 'dockside.compose.stop',
  restart: 'dockside.compose.restart',
  pull: 'dockside.compose.pull',
  build: 'dockside.compose.build',
  logs: 'dockside.compose.logs',
  showConfig: 'dockside.compose.showConfig',
  upService: 'dockside.compose.upService',
  restartService: 'dockside.compose.restartService',
  openServiceShell: 'dockside.compose.openServiceShell',
  followServiceLogs: 'dockside.compose.followServiceLogs',
  configureProject: 'dockside.compose.configureProject',
  openComposeFile: 'dockside.compose.openComposeFile',
} as const;
