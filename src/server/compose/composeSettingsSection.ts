// The settings section of the compose language server, in a file of its own so the client bundle can
// import it without the server's code.
export const composeSettingsSection = 'dockside.compose';
