// An image of a given size built by the classic builder from scratch (no base image, nothing pulled): the
// Docker doctor's tests use it as space a prune can give back. Untagged, it is dangling.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type Docker from 'dockerode';
import * as tar from 'tar-fs';

export async function buildScratchImage(docker: Docker, mebibytes: number, tag?: string): Promise<void> {
  const context = fs.mkdtempSync(path.join(os.tmpdir(), `doctor-${process.pid}-context-`));
  try {
    fs.writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY blob /blob\nLABEL dockside.test=doctor\n');
    fs.writeFileSync(path.join(context, 'blob'), Buffer.alloc(mebibytes * 1024 * 1024, 7));
    const stream = await docker.buildImage(tar.pack(context), { version: '1', ...(tag ? { t: tag } : {}) });
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (error: Error | null, out: { error?: string }[]) => {
        const failure = error?.message ?? out.find((o) => o.error)?.error;
        if (failure) reject(new Error(failure));
        else resolve();
      }),
    );
  } finally {
    fs.rmSync(context, { recursive: true, force: true });
  }
}
