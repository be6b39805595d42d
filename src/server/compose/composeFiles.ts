// The files a compose file points at (Dockerfiles, env files, extends files), seen through a small interface
// so the checks stay pure: the language server and the CLI give the real file system, tests a map.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface ComposeFiles {
  /** The compose file's folder: relative paths in the file start here. */
  readonly directory: string;
  exists(path: string): boolean;
  /** The file's text, or undefined when it cannot be read. */
  read(path: string): string | undefined;
}

/** A path of the compose file resolved against a folder (`~` is the user's home, as compose does). */
export function joinPath(directory: string, relative: string): string {
  if (relative.startsWith('~/') && process.env.HOME) return path.join(process.env.HOME, relative.slice(2));
  return path.resolve(directory, relative);
}

/** Files bigger than this are not read for a check (an extends target is a compose file, never large). */
const MAX_READ_BYTES = 2 * 1024 * 1024;

export function diskFiles(composeFilePath: string): ComposeFiles {
  return {
    directory: path.dirname(composeFilePath),
    exists: (p) => {
      try {
        statSync(p);
        return true;
      } catch {
        return false;
      }
    },
    read: (p) => {
      try {
        if (statSync(p).size > MAX_READ_BYTES) return undefined;
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
