// The build context's tar as the build request receives it: every file's bytes unchanged although the read
// buffers are used again, because a buffer goes back only once the request has written it (the callback of
// its write); a request that goes away stops the reading.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { Readable, Writable } from 'node:stream';
import * as tarStream from 'tar-stream';
import { packBuildContext } from '../../../src/engine/buildContext';

const MiB = 1024 * 1024;

/** A request stand-in: copies each chunk when written, and says it was written only some turns later. */
class SlowRequest extends Writable {
  readonly received: Buffer[] = [];
  /** Chunks whose bytes changed between the write and its callback: a reused buffer. */
  overwritten = 0;

  constructor(private readonly delayTurns: number, highWaterMark = 4 * MiB) {
    super({ highWaterMark });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const copy = Buffer.from(chunk);
    this.received.push(copy);
    let turns = this.delayTurns;
    const later = () => {
      if (turns-- > 0) return setImmediate(later);
      if (!copy.equals(chunk)) this.overwritten++;
      done();
    };
    later();
  }
}

async function filesOf(tar: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const extract = tarStream.extract();
  extract.on('entry', (header, stream, next) => {
    const parts: Buffer[] = [];
    stream.on('data', (part: Buffer) => parts.push(part));
    stream.on('end', () => {
      if (header.type === 'file') files.set(header.name, Buffer.concat(parts));
      next();
    });
  });
  const done = once(extract, 'finish');
  Readable.from([tar]).pipe(extract);
  await done;
  return files;
}

describe('build context upload', () => {
  let dir: string;
  const written = new Map<string, Buffer>();

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-context-upload-'));
    // Sizes around the 1 MiB read and the 512-byte tar block, empty files, and more data than the pool holds.
    const sizes = [0, 1, 511, 512, MiB - 1, MiB, MiB + 1, 3 * MiB + 17, ...Array.from({ length: 14 }, (_, i) => (i + 1) * 377_777)];
    fs.mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
    sizes.forEach((size, i) => {
      const name = i % 3 === 0 ? `nested/deeper/f${i}.bin` : i % 3 === 1 ? `nested/f${i}.bin` : `f${i}.bin`;
      const content = crypto.randomBytes(size);
      fs.writeFileSync(path.join(dir, name), content);
      written.set(name, content);
    });
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
    written.set('Dockerfile', Buffer.from('FROM scratch\n'));
    fs.mkdirSync(path.join(dir, 'skipped'));
    fs.writeFileSync(path.join(dir, 'skipped', 'big.bin'), crypto.randomBytes(2 * MiB));
    fs.writeFileSync(path.join(dir, '.dockerignore'), 'skipped/\n');
    written.set('.dockerignore', Buffer.from('skipped/\n'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [name, delayTurns, highWaterMark] of [
    ['a request that writes at once', 0, 4 * MiB],
    ['a request that takes its time and pushes back', 3, 64 * 1024],
  ] as const) {
    it(`sends every file byte for byte to ${name}`, async () => {
      let counted = 0;
      const { body, dockerfileInContext } = packBuildContext({ contextDir: dir, dockerfile: path.join(dir, 'Dockerfile') }, (sent) => (counted = sent));
      const request = new SlowRequest(delayTurns, highWaterMark);
      const finished = once(request, 'finish');
      body.pipe(request);
      await finished;
      assert.equal(request.overwritten, 0, 'a read buffer was used again before its write finished');
      const tar = Buffer.concat(request.received);
      assert.equal(counted, tar.length);
      assert.equal(dockerfileInContext, 'Dockerfile');
      const files = await filesOf(tar);
      assert.deepEqual([...files.keys()].sort(), [...written.keys()].sort());
      for (const [file, content] of written) assert.ok(files.get(file)?.equals(content), `${file} differs`);
    });
  }

  it('adds a Dockerfile from outside the context under a private name', async () => {
    const outside = path.join(path.dirname(dir), `${path.basename(dir)}.Dockerfile`);
    fs.writeFileSync(outside, 'FROM scratch\nLABEL outside=1\n');
    try {
      const { body, dockerfileInContext } = packBuildContext({ contextDir: dir, dockerfile: outside });
      const request = new SlowRequest(1);
      const finished = once(request, 'finish');
      body.pipe(request);
      await finished;
      const files = await filesOf(Buffer.concat(request.received));
      assert.match(dockerfileInContext, /^\.dockerfile\.[a-z0-9]+$/);
      assert.equal(files.get(dockerfileInContext)?.toString(), 'FROM scratch\nLABEL outside=1\n');
      assert.ok(files.get('f2.bin')?.equals(written.get('f2.bin') as Buffer));
    } finally {
      fs.rmSync(outside, { force: true });
    }
  });

  it('stops reading and closes the files when the request goes away', async () => {
    const { body } = packBuildContext({ contextDir: dir, dockerfile: path.join(dir, 'Dockerfile') });
    const request = new SlowRequest(2, 64 * 1024);
    let writes = 0;
    const write = request.write.bind(request);
    request.write = ((...args: Parameters<typeof write>) => {
      // A cancelled build: the request is destroyed while the context is still being sent.
      if (++writes === 6) setImmediate(() => request.destroy());
      return write(...args);
    }) as typeof request.write;
    body.pipe(request);
    await once(request, 'close');
    const writesAtClose = writes;
    // Turns in which the tar stream would go on reading if nobody had stopped it.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(writes, writesAtClose);
    const open = fs.readdirSync('/proc/self/fd').map((fd) => {
      try {
        return fs.readlinkSync(path.join('/proc/self/fd', fd));
      } catch {
        return '';
      }
    });
    assert.deepEqual(open.filter((target) => target.startsWith(dir)), []);
  });
});
