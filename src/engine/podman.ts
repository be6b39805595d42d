// Podman's Docker-compatible API: where its socket lives (`podman system service`, or the systemd socket
// podman.socket: rootful /run/podman/podman.sock, rootless $XDG_RUNTIME_DIR/podman/podman.sock), and how to
// tell a Podman engine from a Docker one (its /version names the "Podman Engine" component).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The unix:// URLs of Podman sockets present on this machine, rootful first. */
export function detectPodmanSockets(env: NodeJS.ProcessEnv = process.env, uid = process.getuid?.() ?? 0, isSocket = socketExists): string[] {
  const runtimeDir = env.XDG_RUNTIME_DIR || (uid !== 0 ? `/run/user/${uid}` : undefined);
  const candidates = ['/run/podman/podman.sock', ...(runtimeDir ? [path.join(runtimeDir, 'podman', 'podman.sock')] : [])];
  return [...new Set(candidates)].filter(isSocket).map((file) => `unix://${file}`);
}

function socketExists(file: string): boolean {
  try {
    return fs.statSync(file).isSocket();
  } catch {
    return false;
  }
}

export type EngineFlavor = 'docker' | 'podman';

/** From the raw /version body: Podman lists a component named "Podman Engine". */
export function engineFlavorOf(version: { Components?: { Name?: string }[] | null }): EngineFlavor {
  return (version.Components ?? []).some((c) => /podman/i.test(c.Name ?? '')) ? 'podman' : 'docker';
}
