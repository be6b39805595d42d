// Resources for the files tests (issue 16) on the real engine: named dkfiles-…-<pid>-…, labelled like every
// test resource, and removed by `removeFileFixtures` (this process's only) even when a test fails.
import type Docker from 'dockerode';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tarFs from 'tar-fs';
import { TEST_IMAGE, TEST_LABEL } from './testEngine';

export const NO_SHELL_FILES_IMAGE = 'dockside-test/dkfiles-noshell:latest';

/** Set by whoever runs tests on a shared engine to tell their resources apart (e.g. `h-files-`). */
const NAME_PREFIX = process.env.DOCKSIDE_TEST_NAME_PREFIX ?? '';

export function dkName(what: string): string {
  return `${NAME_PREFIX}dkfiles-${what}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A container of the busybox test image, started unless `start` is false, with options merged in. */
export async function filesContainer(docker: Docker, what: string, options: { start?: boolean; host?: Docker.HostConfig; image?: string; cmd?: string[] } = {}): Promise<Docker.Container> {
  const container = await docker.createContainer({
    name: dkName(what),
    Image: options.image ?? TEST_IMAGE,
    Cmd: options.cmd ?? ['sleep', '3600'],
    Labels: { [TEST_LABEL]: 'true' },
    HostConfig: { ...options.host },
  });
  if (options.start !== false) await container.start();
  return container;
}

/** Runs a shell line in a container and returns its stdout (the test's own way to look, like docker exec). */
export async function execIn(docker: Docker, id: string, script: string): Promise<string> {
  const exec = await docker.getContainer(id).exec({ Cmd: ['sh', '-c', script], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  const out: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const sink = { write: (b: Buffer) => out.push(b) } as unknown as NodeJS.WritableStream;
    docker.modem.demuxStream(stream, sink, { write: () => true } as unknown as NodeJS.WritableStream);
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return Buffer.concat(out).toString('utf8');
}

/** An image with no shell at all (busybox alone at /busybox, run directly), from the local test image. */
export async function buildNoShellImage(docker: Docker): Promise<string> {
  if (await docker.getImage(NO_SHELL_FILES_IMAGE).inspect().then(() => true, () => false)) return NO_SHELL_FILES_IMAGE;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dkfiles-noshell-'));
  fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE} AS src\nFROM scratch\nCOPY --from=src /bin/busybox /busybox\nCMD ["/busybox", "sleep", "3600"]\n`);
  try {
    const build = await docker.buildImage(tarFs.pack(dir) as unknown as NodeJS.ReadableStream, { t: NO_SHELL_FILES_IMAGE, labels: { [TEST_LABEL]: 'true' }, version: '1' });
    await new Promise((resolve, reject) => docker.modem.followProgress(build, (error, output) => {
      const failed = (output as { error?: string }[] | undefined)?.find((o) => o.error);
      if (error || failed) reject(error ?? new Error(failed!.error));
      else resolve(undefined);
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return NO_SHELL_FILES_IMAGE;
}

/** Removes this process's dkfiles- containers and volumes. */
export async function removeFileFixtures(docker: Docker): Promise<void> {
  const mine = (name: string) => name.replace(/^\//, '').startsWith(`${NAME_PREFIX}dkfiles-`) && name.includes(`-${process.pid}-`);
  const containers = await docker.listContainers({ all: true });
  await Promise.all(containers.filter((c) => c.Names.some(mine)).map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  const volumes = (await docker.listVolumes()).Volumes ?? [];
  await Promise.all(volumes.filter((v) => mine(v.Name)).map((v) => docker.getVolume(v.Name).remove({ force: true }).catch(() => undefined)));
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function sha256OfFile(file: string): string {
  return sha256(fs.readFileSync(file));
}
