// The engine bundle's entry: loaded lazily by the extension (dist/engine.js) so activation never pays for
// dockerode. Everything the rest of the code needs from the engine layer is exported here.
import * as l10n from '@vscode/l10n';

export { EngineClient } from './client';
export type { ContainerListFilter, EngineClientOptions } from './client';
export { resolveEndpoint, endpointSourceFiles, dockerConfigDir, parseEngineHost, tlsFromEnvironment } from './connection';
export type { ConfirmHostKey, HostKeyQuestion } from './ssh/sshDialAgent';
export type { EngineEndpoint, EndpointInputs } from './connection';
export { EngineError, describeEngineError, isEngineError, toEngineError } from './errors';
export type { EngineErrorCode } from './errors';
export { attachContainer, containerRuntime, findShell, startShell, SHELL_CANDIDATES } from './exec';
export type { ContainerRuntime, InteractiveSession, SessionOutcome, ShellRequest } from './exec';
export { EngineReturnWatch } from './engineReturn';
export type { EngineReturnOptions, Subscription } from './engineReturn';
export { LogFollower, readLogs } from './logs';
export type { FollowOptions, LogEvent, LogLine, LogQuery } from './logs';
export { containerChanges, containerProcesses, readStats, streamStats } from './stats';
export type { ChangeKind, FileChange, ProcessTable, StatsSample } from './stats';
export type { OutputChunk, OutputStream } from './streams';
export * from './lifecycle';
export * from './images';
export { imagePlatformsOf, LocalImagePlatforms } from './imagePlatforms';
export type { ImageInspectPlatform } from './imagePlatforms';
export * from './inspect';
export * from './networks';
export * from './volumes';
export * from './events';
export * from './explorerQueries';
export * from './system';
export { mapInfoFacts, readEngineFacts } from './engineFacts';
export { ContextStore, validateContextName } from './contexts';
export { exportContext, importContext } from './contextArchive';
export type { DockerContext, NewContext, ContextTlsInput } from './contexts';
export { detectPodmanSockets, engineFlavorOf } from './podman';
export type { EngineFlavor } from './podman';

export { containerCreateBody, createAndStartContainer } from './run';
export { BuildFailure, buildImage, preferredBuilder } from './build';
export type { BuildEvent, BuildRequest, BuildResult, Builder } from './build';
export { LayerProgress, pullImage, pushImage } from './imageTransfer';
export type { TransferProgress, TransferResult } from './imageTransfer';
export { DOCKER_HUB, configuredRegistries, dockerCredentials, engineAuthConfig, eraseWithHelper, helperFor, normaliseRegistry, readDockerConfig, registryOfReference, storeWithHelper, verifyLogin } from './registryAuth';
export type { DockerConfigAuths, RegistryCredentials } from './registryAuth';
export type { StartedContainer } from './run';

/** The engine's sentences follow the editor's display language: pass `vscode.l10n.bundle`. */
export function configureLocalization(bundle: Record<string, string> | undefined): void {
  if (bundle) l10n.config({ contents: bundle });
}

export { copyPath, execUnavailable, fileTargetFacts, getArchive, listDirectory, makeDirectory, mountOf, movePath, pathEntry, putArchive, readFile, removePath, statPath, writeFile } from './files/containerFiles';
export type { DirectoryListing, ExecUnavailable, FileTargetFacts, MemberHeader } from './files/containerFiles';
export type { DirectoryTree } from './files/tarEntries';
export { archiveSizeOf, downloadPath, uploadPath } from './files/transfers';
export type { TransferProgress as FileTransferProgress } from './files/transfers';
export { HELPER_LABEL, VOLUME_MOUNT, removeVolumeHelper, startVolumeHelper } from './files/volumeHelper';
export type { VolumeHelper } from './files/volumeHelper';
export * from './swarm';
export { ServiceLogFollower, parseServiceLogLine } from './serviceLogs';
