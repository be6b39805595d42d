// Following `docker context use` on disk: config.json and contexts/meta changes call back, once settled;
// other tools' files do not; a config folder that does not exist yet is picked up when it appears.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { watchDockerConfig } from '../../../src/tree/dockerConfigWatch';

const settle = 30;
const until = async (what: string, probe: () => boolean, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('docker config watch', () => {
  let home: string;
  beforeEach(() => (home = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-config-watch-'))));
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('calls back once for a burst of writes to config.json, and for a context meta.json', async () => {
    const dir = path.join(home, '.docker');
    fs.mkdirSync(path.join(dir, 'contexts', 'meta', 'abc'), { recursive: true });
    let calls = 0;
    const watcher = watchDockerConfig(dir, () => calls++, settle);
    try {
      fs.writeFileSync(path.join(dir, 'config.json.tmp'), '{"currentContext":"other"}');
      fs.renameSync(path.join(dir, 'config.json.tmp'), path.join(dir, 'config.json'));
      fs.writeFileSync(path.join(dir, 'config.json'), '{"currentContext":"other"}');
      await until('the config change', () => calls === 1);
      fs.writeFileSync(path.join(dir, 'contexts', 'meta', 'abc', 'meta.json'), '{}');
      await until('the context change', () => calls === 2);
    } finally {
      watcher.close();
    }
  });

  it('ignores files of other tools in the same folder', async () => {
    const dir = path.join(home, '.docker');
    fs.mkdirSync(path.join(dir, 'buildx'), { recursive: true });
    let calls = 0;
    const watcher = watchDockerConfig(dir, () => calls++, settle);
    try {
      fs.writeFileSync(path.join(dir, 'buildx', 'current'), 'x');
      await new Promise((r) => setTimeout(r, settle * 5));
      assert.equal(calls, 0);
    } finally {
      watcher.close();
    }
  });

  it('waits for a config folder that does not exist yet, then follows it', async () => {
    const dir = path.join(home, '.docker');
    let calls = 0;
    const watcher = watchDockerConfig(dir, () => calls++, settle);
    try {
      fs.mkdirSync(dir);
      await until('the folder to appear', () => calls === 1);
      fs.writeFileSync(path.join(dir, 'config.json'), '{"currentContext":"remote"}');
      await until('the config written in the new folder', () => calls === 2);
    } finally {
      watcher.close();
    }
  });
});
