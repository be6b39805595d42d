// Watches the docker CLI's config folder (config.json names the current context; contexts/meta holds the
// contexts) and calls back when anything there changes. When the folder does not exist yet, waits for it
// to appear (the first `docker context create` or `docker login` makes it). Plain Node: unit-tested.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Several writes arrive for one `docker context use` (temp file, rename): call back once they settle. */
export const SETTLE_MS = 200;

export function watchDockerConfig(configDir: string, onChange: () => void, settleMs = SETTLE_MS): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let watcher: fs.FSWatcher | undefined;
  let closed = false;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  };
  const watchFolder = () => {
    watcher = fs.watch(configDir, { persistent: false, recursive: true }, (_event, file) => {
      const name = String(file ?? '');
      // Other tools keep state here too (buildx, scan): only the files that choose the engine count.
      if (!name || name === 'config.json' || name.startsWith('contexts')) changed();
    });
    watcher.on('error', () => undefined);
  };
  const waitForFolder = () => {
    const parent = path.dirname(configDir);
    watcher = fs.watch(parent, { persistent: false }, (_event, file) => {
      if (closed || String(file ?? '') !== path.basename(configDir) || !fs.existsSync(configDir)) return;
      watcher?.close();
      watchFolder();
      changed();
    });
    watcher.on('error', () => undefined);
  };
  try {
    if (fs.existsSync(configDir)) watchFolder();
    else waitForFolder();
  } catch {
    // Neither the folder nor its parent can be watched: engines are then followed only on reconnect.
  }
  return {
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
