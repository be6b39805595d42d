// Reading the engine's directory archives: long names (beyond tar's 100 bytes), symlinks, modes, owners
// and UTF-8 names with spaces and Chinese characters, from tars made the way the engine makes them.
import * as assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { modeString } from '../../../src/models/fileEntry';
import { parseStatListing } from '../../../src/engine/files/statListing';
import { entryFromHeader, readDirectoryTree, segmentsOf } from '../../../src/engine/files/tarEntries';

const LONG = `${'深层目录 with spaces/'.repeat(6)}最后的文件 final.txt`;

function archiveOf(root: string, members: (tar.Headers & { body?: string })[]): Readable {
  const pack = tar.pack();
  const mtime = new Date('2024-05-06T07:08:09Z');
  pack.entry({ name: `${root}/`, type: 'directory', mode: 0o755, mtime });
  for (const { body, ...header } of members) pack.entry({ mtime, uid: 0, gid: 0, ...header, name: `${root}/${header.name}` }, body);
  pack.finalize();
  return pack as unknown as Readable;
}

describe('tar headers of container directories', () => {
  it('lists every directory of an archive with names, types, sizes, modes, owners and times', async () => {
    const tree = await readDirectoryTree(
      archiveOf('data', [
        { name: 'hello world.txt', type: 'file', mode: 0o640, uid: 1000, gid: 50, body: 'hi there' },
        { name: '中文 文件.md', type: 'file', mode: 0o644, body: '你好' },
        { name: 'bin/', type: 'directory', mode: 0o750 },
        { name: 'bin/tool', type: 'file', mode: 0o4755, body: '#!/bin/sh\n' },
        { name: 'link to bin', type: 'symlink', linkname: 'bin', mode: 0o777 },
        { name: 'dangling', type: 'symlink', linkname: '../nowhere', mode: 0o777 },
        { name: 'fifo', type: 'fifo', mode: 0o600 },
      ]),
    );
    const top = tree.get('')!;
    assert.deepEqual([...top.keys()].sort(), ['bin', 'dangling', 'fifo', 'hello world.txt', 'link to bin', '中文 文件.md'].sort());
    const hello = top.get('hello world.txt')!;
    assert.equal(hello.type, 'file');
    assert.equal(hello.size, 8);
    assert.equal(hello.mode, 0o640);
    assert.equal(hello.uid, 1000);
    assert.equal(hello.gid, 50);
    assert.equal(hello.mtimeMs, Date.parse('2024-05-06T07:08:09Z'));
    assert.equal(top.get('中文 文件.md')!.size, Buffer.byteLength('你好'));
    assert.equal(top.get('bin')!.type, 'directory');
    assert.equal(tree.get('bin')!.get('tool')!.mode, 0o4755);
    assert.equal(modeString(tree.get('bin')!.get('tool')!.mode), 'rwsr-xr-x');
    const link = top.get('link to bin')!;
    assert.equal(link.type, 'symlink');
    assert.equal(link.linkTarget, 'bin');
    assert.equal(link.targetType, 'directory', 'a link to a folder of the same archive resolves to a folder');
    assert.equal(top.get('dangling')!.targetType, undefined);
    assert.equal(top.get('fifo')!.type, 'other');
  });

  it('keeps names longer than 100 bytes whole (PAX headers), nested folders included', async () => {
    const tree = await readDirectoryTree(archiveOf('.', [{ name: LONG, type: 'file', mode: 0o600, body: 'deep' }]));
    const segments = LONG.split('/');
    const leafDir = segments.slice(0, -1).join('/');
    const leaf = tree.get(leafDir)?.get(segments.at(-1)!);
    assert.ok(leaf, `the file under ${leafDir} is listed`);
    assert.equal(leaf.size, 4);
    assert.equal(leaf.mode, 0o600);
    // Every intermediate folder is known, though the archive never named it on its own.
    for (let depth = 1; depth < segments.length; depth++) assert.ok(tree.has(segments.slice(0, depth).join('/')), `folder at depth ${depth}`);
  });

  it('names the root as the engine does: "many/", "/" or "./"', async () => {
    for (const root of ['many', '', '.']) {
      const tree = await readDirectoryTree(archiveOf(root, [{ name: 'a', type: 'file', mode: 0o644, body: 'x' }]));
      assert.deepEqual([...tree.get('')!.keys()], ['a'], `root "${root}"`);
    }
  });

  it('fails on a broken archive instead of returning half a listing', async () => {
    const broken = new PassThrough();
    broken.end(Buffer.from('this is not a tar archive at all'.repeat(20)));
    await assert.rejects(readDirectoryTree(broken));
  });

  it('maps single headers and splits names', () => {
    const entry = entryFromHeader('x', { name: 'a/x', type: 'symlink', linkname: '/etc/passwd', mode: 0o120777, size: 0 });
    assert.equal(entry.type, 'symlink');
    assert.equal(entry.mode, 0o777);
    assert.equal(entry.linkTarget, '/etc/passwd');
    assert.deepEqual(segmentsOf('./a//b/'), ['a', 'b']);
  });
});

describe('stat listings of one directory', () => {
  it('parses files, folders, links and their targets, with UTF-8 names and "|" in names', () => {
    const output = [
      'E|81a4|7|1700000000|1000|1000|./a b|c.txt',
      'E|41ed|4096|1700000001|0|0|./目录',
      'E|a1ff|3|1700000002|0|0|./lnk',
      "N|'./lnk' -> '目录'",
      'L|41ed|./lnk',
      '',
    ].join('\n');
    const entries = parseStatListing(output)!;
    assert.equal(entries.length, 3);
    const file = entries.find((e) => e.name === 'a b|c.txt')!;
    assert.deepEqual([file.type, file.size, file.mode, file.uid, file.mtimeMs], ['file', 7, 0o644, 1000, 1700000000000]);
    assert.equal(entries.find((e) => e.name === '目录')!.type, 'directory');
    const link = entries.find((e) => e.name === 'lnk')!;
    assert.deepEqual([link.type, link.linkTarget, link.targetType], ['symlink', '目录', 'directory']);
  });

  it('gives up on a line it cannot read (a name with a newline), so the archive is used instead', () => {
    assert.equal(parseStatListing('E|81a4|1|1|0|0|./first\nsecond half\n'), undefined);
  });
});
