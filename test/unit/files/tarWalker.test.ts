// The hand-driven tar walker under the listing and the single-file reads: every header and body byte
// right whatever the chunk boundaries, PAX and GNU long names, and corrupt input refused.
import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import * as tarHeaders from 'tar-stream/headers';
import { TarWalker, type TarHeader } from '../../../src/engine/files/tarWalker';

const LONG = `${'很长的目录 with spaces/'.repeat(5)}名字.bin`;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function archive(members: { header: tar.Headers; body?: Buffer }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const m of members) pack.entry(m.header, m.body);
  pack.finalize();
  return bytesOf(pack as unknown as Readable);
}

/** Walks `data` cut into pieces of `piece` bytes; returns each member's header and sha256 of its body. */
function walk(data: Buffer, piece: number, skip: (h: TarHeader) => boolean = () => false): { header: TarHeader; body: string; ended: boolean }[] {
  const out: { header: TarHeader; hash: ReturnType<typeof createHash>; ended: boolean }[] = [];
  const walker = new TarWalker({
    onEntry(header) {
      out.push({ header, hash: createHash('sha256'), ended: false });
      return skip(header) ? 'skip' : 'body';
    },
    onBody: (chunk) => void out.at(-1)!.hash.update(chunk),
    onBodyEnd: () => void (out.at(-1)!.ended = true),
  });
  for (let offset = 0; offset < data.length; offset += piece) walker.write(data.subarray(offset, offset + piece));
  return out.map((m) => ({ header: m.header, body: m.hash.digest('hex'), ended: m.ended }));
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('tar walker', () => {
  it('passes every body byte exactly, whatever the chunk boundaries', async () => {
    const big = randomBytes(70_001);
    const small = Buffer.from('中文 and ascii');
    const data = await archive([
      { header: { name: 'd/', type: 'directory', mode: 0o755 } },
      { header: { name: 'd/big.bin', mode: 0o600, uid: 1000, gid: 1001, mtime: new Date('2024-01-02T03:04:05Z') }, body: big },
      { header: { name: 'd/empty', mode: 0o644 }, body: Buffer.alloc(0) },
      { header: { name: 'd/小.txt', mode: 0o644 }, body: small },
      { header: { name: 'd/link', type: 'symlink', linkname: '../目标', mode: 0o777 } },
    ]);
    for (const piece of [1, 7, 511, 512, 513, 4096, data.length]) {
      const members = walk(data, piece);
      assert.deepEqual(members.map((m) => m.header.name), ['d/', 'd/big.bin', 'd/empty', 'd/小.txt', 'd/link'], `pieces of ${piece}`);
      assert.equal(members[1].body, sha(big), `big body in pieces of ${piece}`);
      assert.equal(members[2].body, sha(Buffer.alloc(0)));
      assert.equal(members[3].body, sha(small));
      assert.ok(members.every((m) => m.ended), 'every body ends, empty ones included');
      assert.deepEqual([members[1].header.mode, members[1].header.uid, members[1].header.gid, members[1].header.size], [0o600, 1000, 1001, 70_001]);
      assert.equal(members[1].header.mtime?.toISOString(), '2024-01-02T03:04:05.000Z');
      assert.deepEqual([members[4].header.type, members[4].header.linkname], ['symlink', '../目标']);
    }
  });

  it('skips bodies it is told to skip and still finds the members after them', async () => {
    const data = await archive([
      { header: { name: 'a', mode: 0o644 }, body: randomBytes(1500) },
      { header: { name: 'b', mode: 0o644 }, body: Buffer.from('bee') },
    ]);
    const members = walk(data, 100, (h) => h.name === 'a');
    assert.deepEqual(members.map((m) => m.header.name), ['a', 'b']);
    assert.equal(members[0].ended, false, 'a skipped body is not announced');
    assert.equal(members[1].body, sha(Buffer.from('bee')));
  });

  it('applies PAX names and GNU long names and link names to the member after them', async () => {
    const pax = await archive([{ header: { name: LONG, mode: 0o644, linkname: undefined }, body: Buffer.from('x') }]);
    assert.deepEqual(walk(pax, 33).map((m) => m.header.name), [LONG]);
    // GNU tar's form: an 'L' member holding the name, a 'K' member holding the link target.
    const gnu = Buffer.concat([
      gnuLong('L', LONG),
      tarHeaders.encode({ name: 'short', type: 'file', mode: 0o644, size: 0, mtime: new Date(0), uid: 0, gid: 0 })!,
      gnuLong('K', `/${LONG}`),
      tarHeaders.encode({ name: 'lnk', type: 'symlink', linkname: 'short', mode: 0o777, size: 0, mtime: new Date(0), uid: 0, gid: 0 })!,
      Buffer.alloc(1024),
    ]);
    const members = walk(gnu, 100);
    assert.deepEqual(members.map((m) => [m.header.name, m.header.linkname ?? null]), [[LONG, null], ['lnk', `/${LONG}`]]);
  });

  it('refuses a corrupt header', () => {
    const walker = new TarWalker({ onEntry: () => 'skip' });
    assert.throws(() => walker.write(Buffer.alloc(512, 0x41)), /Invalid tar header/);
  });
});

/** A GNU long-name member ('L' name, 'K' link target) with its padded body. */
function gnuLong(flag: 'L' | 'K', value: string): Buffer {
  const body = Buffer.from(`${value}\0`);
  const header = tarHeaders.encode({ name: '././@LongLink', type: 'file', mode: 0o644, size: body.length, mtime: new Date(0), uid: 0, gid: 0 })!;
  header[156] = flag.charCodeAt(0);
  // The checksum covers the type flag: recompute it as tar does (the field counts as spaces).
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return Buffer.concat([header, body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
}
