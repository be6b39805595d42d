// A short-lived helper container that mounts a volume read-write, so the volume's files can be reached
// through the same archive and exec calls as a container's. It uses an image already on the engine (one
// with a shell first: delete and rename need it); nothing is ever pulled.
import type Docker from 'dockerode';
import * as os from 'node:os';
import type { EngineClient } from '../client';
import { engineRequest } from '../engineRequest';
import { EngineError } from '../errors';
import { findShell } from '../exec';

/** Where the volume is mounted inside the helper. */
export const VOLUME_MOUNT = '/dockside-volume';
export const HELPER_LABEL = 'dockside.files.helper';
const OWNER_LABEL = 'dockside.files.owner';

/** Images tried first: small ones known to carry a shell and `sleep`. */
const PREFERRED = /(^|\/)(busybox|alpine|debian|ubuntu)(:|$)/;

export interface VolumeHelper {
  readonly id: string;
  readonly image: string;
  /** False when no local image has a shell: files read and write, delete and rename cannot. */
  readonly hasShell: boolean;
}

/** The local images in the order they are tried: preferred names, then the smallest. */
export function helperCandidates(images: readonly Docker.ImageInfo[]): string[] {
  const tagged = images.flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>').map((tag) => ({ tag, size: i.Size })));
  tagged.sort((a, b) => Number(PREFERRED.test(b.tag)) - Number(PREFERRED.test(a.tag)) || a.size - b.size);
  return tagged.map((t) => t.tag);
}

/** Creates (and, when the image has a shell, starts) a helper for `volume`. */
export async function startVolumeHelper(client: EngineClient, volume: string): Promise<VolumeHelper> {
  const docker = client.docker;
  const images = await engineRequest(client, () => docker.listImages());
  const candidates = helperCandidates(images);
  if (candidates.length === 0) throw new EngineError('notFound', 'no local image for a volume helper', { engineMessage: 'noHelperImage' });
  await removeStaleHelpers(client);
  let fallback: VolumeHelper | undefined;
  for (const image of candidates.slice(0, 6)) {
    const container = await engineRequest(client, () =>
      docker.createContainer({
        name: `dockside-files-${volume.slice(0, 40).replace(/[^a-zA-Z0-9_.-]/g, '_')}-${Math.random().toString(36).slice(2, 8)}`,
        Image: image,
        User: '0:0',
        Entrypoint: ['/bin/sh'],
        // A sleeping shell that ends at once on SIGTERM.
        Cmd: ['-c', 'trap "exit 0" TERM INT; while :; do sleep 3600 & wait $!; done'],
        WorkingDir: VOLUME_MOUNT,
        Labels: { [HELPER_LABEL]: volume, [OWNER_LABEL]: `${os.hostname()}:${process.pid}` },
        NetworkDisabled: true,
        HostConfig: { Mounts: [{ Type: 'volume', Source: volume, Target: VOLUME_MOUNT, ReadOnly: false }], NetworkMode: 'none', AutoRemove: false },
      } as Docker.ContainerCreateOptions),
    );
    const shell = await findShell(client, container.id, ['/bin/sh']);
    if (shell) {
      await engineRequest(client, () => container.start());
      if (fallback) await removeVolumeHelper(client, fallback.id);
      return { id: container.id, image, hasShell: true };
    }
    // No shell: keep the first such container (created, never started: the archive API still works).
    if (!fallback) fallback = { id: container.id, image, hasShell: false };
    else await removeVolumeHelper(client, container.id);
  }
  return fallback!;
}

export async function removeVolumeHelper(client: EngineClient, id: string): Promise<void> {
  try {
    await client.docker.getContainer(id).remove({ force: true, v: false });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}

/** Helpers left by an editor window of this machine that is gone (its process no longer runs). */
async function removeStaleHelpers(client: EngineClient): Promise<void> {
  const list = await engineRequest(client, () => client.docker.listContainers({ all: true, filters: JSON.stringify({ label: [HELPER_LABEL] }) }));
  for (const c of list) {
    const [host, pid] = (c.Labels[OWNER_LABEL] ?? '').split(':');
    if (host !== os.hostname() || !pid || alive(Number(pid))) continue;
    await removeVolumeHelper(client, c.Id).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
