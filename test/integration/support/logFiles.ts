// The log files of this window's session, so tests can prove a secret they used never reached a log.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every log file of this window's session (Dockside's output channel among them). */
export function logFiles(): string[] {
  // The extension host keeps its log files open: their folder is the session's logs folder (`<user data>/logs/<session>`).
  const roots = new Set<string>();
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    let target = '';
    try {
      target = fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    const m = /^(.*\/logs\/[^/]+)\//.exec(target);
    if (m) roots.add(m[1]);
  }
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.log')) files.push(full);
    }
  };
  roots.forEach(walk);
  return files;
}
