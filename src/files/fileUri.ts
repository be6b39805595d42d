// One URI per engine, container (or volume) and path:
//   dockside-container://<engine id>/<container id>/<path in the container>
//   dockside-volume://<engine id>/<volume name>/<path in the volume>
// Container ids and volume names never hold a '/', so the first path segment is always the target.
import * as vscode from 'vscode';

export const CONTAINER_SCHEME = 'dockside-container';
export const VOLUME_SCHEME = 'dockside-volume';
export const FILE_SCHEMES = [CONTAINER_SCHEME, VOLUME_SCHEME] as const;

export interface FileLocation {
  readonly kind: 'container' | 'volume';
  readonly engineId: string;
  /** The container id (12 characters are enough for the engine) or the volume name. */
  readonly target: string;
  /** An absolute POSIX path inside the container or the volume; '/' for its root. */
  readonly path: string;
}

export function isFileUri(uri: vscode.Uri): boolean {
  return uri.scheme === CONTAINER_SCHEME || uri.scheme === VOLUME_SCHEME;
}

export function parseFileUri(uri: vscode.Uri): FileLocation {
  if (!isFileUri(uri)) throw new Error(`not a Dockside file URI: ${uri.toString()}`);
  const [, target = '', ...rest] = uri.path.split('/');
  const path = '/' + rest.filter((s) => s !== '').join('/');
  return { kind: uri.scheme === VOLUME_SCHEME ? 'volume' : 'container', engineId: uri.authority, target, path };
}

export function fileUri(location: FileLocation): vscode.Uri {
  const scheme = location.kind === 'volume' ? VOLUME_SCHEME : CONTAINER_SCHEME;
  const path = location.path === '/' ? '' : location.path;
  return vscode.Uri.from({ scheme, authority: location.engineId, path: `/${location.target}${path}` });
}

export function containerFileUri(engineId: string, containerId: string, path = '/'): vscode.Uri {
  return fileUri({ kind: 'container', engineId, target: containerId.slice(0, 12), path });
}

export function volumeFileUri(engineId: string, volume: string, path = '/'): vscode.Uri {
  return fileUri({ kind: 'volume', engineId, target: volume, path });
}

/** The URI of `name` inside the directory `dir`. */
export function childUri(dir: vscode.Uri, name: string): vscode.Uri {
  return vscode.Uri.joinPath(dir, name);
}

/** The key under which one container's or volume's state is kept: scheme, engine and target. */
export function targetKey(location: FileLocation): string {
  return `${location.kind}:${location.engineId}/${location.target}`;
}
