// The last known containers for the next window (issue 20): saved per engine, refused when stale, damaged or
// another engine's; a store seeded with them says so until the first full read replaces them row by row.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExplorerSnapshots } from '../../../src/tree/explorerSnapshots';
import { ExplorerStore, type StoreChange } from '../../../src/tree/explorerStore';
import { container } from './fixtures';

const DAY = 24 * 3600 * 1000;

describe('explorer snapshots', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-snapshots-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives back what was saved for the same engine, exactly', async () => {
    const snapshots = new ExplorerSnapshots(dir);
    const saved = [container('a', { name: '网页-web', ports: [{ privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp' }] }), container('b', { state: 'exited' })];
    snapshots.saveSoon('unix:///var/run/docker.sock', () => saved);
    await snapshots.flush();
    assert.deepEqual(await new ExplorerSnapshots(dir).load('unix:///var/run/docker.sock'), saved);
    assert.equal(await new ExplorerSnapshots(dir).load('ssh://build@host'), undefined, "another engine's containers are never shown");
  });

  it('reads the containers when it writes, so a burst of changes saves the last state once', async () => {
    const snapshots = new ExplorerSnapshots(dir);
    let current = [container('a')];
    snapshots.saveSoon('h', () => current);
    current = [container('a'), container('b')];
    snapshots.saveSoon('h', () => current);
    await snapshots.flush();
    assert.deepEqual((await snapshots.load('h'))?.map((c) => c.id), ['a', 'b']);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
  });

  it('refuses a snapshot that is too old, of another version, or damaged', async () => {
    let now = Date.now();
    const snapshots = new ExplorerSnapshots(dir, () => now);
    snapshots.saveSoon('h', () => [container('a')]);
    await snapshots.flush();
    now += 15 * DAY;
    assert.equal(await snapshots.load('h'), undefined, 'two weeks old');
    const [file] = fs.readdirSync(dir);
    fs.writeFileSync(path.join(dir, file), '{"version":1,"host":"h","savedAt":');
    assert.equal(await snapshots.load('h'), undefined, 'half a file');
    fs.writeFileSync(path.join(dir, file), JSON.stringify({ version: 99, host: 'h', savedAt: now, containers: [] }));
    assert.equal(await snapshots.load('h'), undefined, 'another version');
  });

  it('writes what is due when the window closes, without waiting for the timer', async () => {
    const snapshots = new ExplorerSnapshots(path.join(dir, 'not-yet-made'));
    snapshots.saveSoon('h', () => [container('z')]);
    snapshots.dispose();
    assert.deepEqual((await snapshots.load('h'))?.map((c) => c.id), ['z']);
  });
});

describe('explorer store seeded from a snapshot', () => {
  it('is provisional until the first full read, which repaints only what changed', () => {
    const store = new ExplorerStore();
    const changes: StoreChange[] = [];
    store.onDidChange((c) => changes.push(c));
    store.seedContainers([container('a'), container('b'), container('gone')]);
    assert.equal(store.provisional, true);
    assert.equal(store.hasRead, false);
    assert.deepEqual(changes[0].containers?.added.map((c) => c.id), ['a', 'b', 'gone']);
    let provisionalWhenTold: boolean | undefined;
    store.onDidChange(() => (provisionalWhenTold = store.provisional));
    const diff = store.replaceAll('containers', [container('a'), container('b', { state: 'exited' }), container('new')]);
    assert.equal(store.provisional, false);
    assert.equal(provisionalWhenTold, false, 'listeners see the read as the engine\'s own');
    assert.deepEqual(diff.added.map((c) => c.id), ['new']);
    assert.deepEqual(diff.changed.map((c) => c.after.id), ['b']);
    assert.deepEqual(diff.removed.map((c) => c.id), ['gone']);
  });

  it('tells its listeners when the first read ends the seed, though the read changed nothing', () => {
    const store = new ExplorerStore();
    store.seedContainers([container('a'), container('b')]);
    const told: { provisional: boolean; lastSeen: boolean; added: number; changed: number; removed: number }[] = [];
    store.onDidChange((c) => c.containers && told.push({ provisional: store.provisional, lastSeen: store.lastSeen, added: c.containers.added.length, changed: c.containers.changed.length, removed: c.containers.removed.length }));
    store.replaceAll('containers', [container('a'), container('b')]);
    assert.deepEqual(told, [{ provisional: false, lastSeen: false, added: 0, changed: 0, removed: 0 }]);
    // Later reads that change nothing stay quiet.
    store.replaceAll('containers', [container('a'), container('b')]);
    assert.equal(told.length, 1);
  });

  it('says "as last seen" for an earlier window\'s containers only, not for a quick read\'s', () => {
    const snapshot = new ExplorerStore();
    snapshot.seedContainers([container('a')], 'snapshot');
    assert.deepEqual([snapshot.provisional, snapshot.lastSeen], [true, true]);
    const quick = new ExplorerStore();
    quick.seedContainers([container('a')], 'quickRead');
    assert.deepEqual([quick.provisional, quick.lastSeen], [true, false]);
    quick.replaceAll('containers', [container('a')]);
    assert.deepEqual([quick.provisional, quick.lastSeen], [false, false]);
  });

  it('never seeds over a read, and forgets the snapshot when cleared', () => {
    const store = new ExplorerStore();
    store.replaceAll('containers', [container('fresh')]);
    store.seedContainers([container('old')]);
    assert.deepEqual(store.all('containers').map((c) => c.id), ['fresh']);
    assert.equal(store.provisional, false);

    const other = new ExplorerStore();
    other.seedContainers([container('old')]);
    other.clear();
    assert.equal(other.provisional, false);
    assert.deepEqual(other.all('containers'), []);
  });
});
