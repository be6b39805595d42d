// Test resources on the real engine: created with a label so that cleanup finds them even after a
// failed or interrupted run. Used by the unit tests (node) and the extension-host suite alike.
import Docker from 'dockerode';

export const TEST_LABEL = 'dockside.test';
export const TEST_IMAGE = process.env.DOCKSIDE_TEST_IMAGE ?? 'dockside-test/busybox:latest';

export function testDocker(): Docker {
  return new Docker({ socketPath: '/var/run/docker.sock' });
}

/** A unique, recognisable name for a test resource. */
export function testName(what: string): string {
  return `dockside-test-${what}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Creates (and by default starts) a long-running container from the local busybox image. */
export async function createTestContainer(
  docker: Docker,
  options: { name?: string; start?: boolean; labels?: Record<string, string>; cmd?: string[] } = {},
): Promise<Docker.Container> {
  const container = await docker.createContainer({
    name: options.name ?? testName('c'),
    Image: TEST_IMAGE,
    Cmd: options.cmd ?? ['sleep', '3600'],
    Labels: { [TEST_LABEL]: 'true', ...options.labels },
    HostConfig: { AutoRemove: false },
  });
  if (options.start !== false) await container.start();
  return container;
}

/**
 * Removes the test containers this process made (labelled, named by testName() with this pid), running
 * or not. Other test processes sharing the engine keep theirs; scripts/cleanup-test-resources.sh removes
 * every labelled leftover after a whole run.
 */
export async function removeTestContainers(docker: Docker): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [TEST_LABEL] }) });
  const mine = list.filter((c) => c.Names.some((n) => n.includes(`-${process.pid}-`)));
  await Promise.all(mine.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
}

/** Copies the local test image into another engine (save | load): nothing is pulled. */
export async function loadTestImageInto(docker: Docker): Promise<void> {
  const loaded = await docker.loadImage(await testDocker().getImage(TEST_IMAGE).get());
  await new Promise<void>((resolve, reject) => docker.modem.followProgress(loaded, (error: Error | null) => (error ? reject(error) : resolve())));
}
