// Listing one directory with a single exec of the image's own `stat` (busybox and GNU coreutils both take
// these formats). Measured on 5,000 files: ~80 ms on a quiet machine (~200 ms under load), against ~250-340 ms
// for the directory's archive, which also carries every file's bytes and every subdirectory (the engine
// alone takes ~250 ms to send it). So a running container with a shell lists this way; the archive is the
// way for stopped and shell-less ones.
import type { FileEntry, FileEntryType } from '../../models/fileEntry';

/** `sh -c` script: `$1` is the directory. Exit 127 when stat or find is missing, 3 when it cannot cd. */
export const STAT_LISTING_SCRIPT = [
  'command -v stat >/dev/null 2>&1 && command -v find >/dev/null 2>&1 || exit 127',
  'cd -- "$1" || exit 3',
  "find . -mindepth 1 -maxdepth 1 -exec stat -c 'E|%f|%s|%Y|%u|%g|%n' {} + 2>/dev/null",
  "find . -mindepth 1 -maxdepth 1 -type l -exec stat -c 'N|%N' {} + 2>/dev/null",
  "find . -mindepth 1 -maxdepth 1 -type l -exec stat -L -c 'L|%f|%n' {} + 2>/dev/null",
  'exit 0',
].join('\n');

/** The file type from a raw st_mode's format bits. */
export function typeOfRawMode(raw: number): FileEntryType {
  switch (raw & 0o170000) {
    case 0o100000: return 'file';
    case 0o040000: return 'directory';
    case 0o120000: return 'symlink';
    default: return 'other';
  }
}

/**
 * Parses the script's output. Undefined when a line does not parse (a name with a newline in it): the
 * caller then lists through the archive, which has no such limit.
 */
export function parseStatListing(output: string): FileEntry[] | undefined {
  const entries = new Map<string, FileEntry>();
  const links = new Map<string, string>();
  const targets = new Map<string, FileEntryType>();
  const nameOf = (path: string) => (path.startsWith('./') ? path.slice(2) : path);
  for (const line of output.split('\n')) {
    if (!line) continue;
    if (line.startsWith('E|')) {
      const m = /^E\|([0-9a-f]+)\|(\d+)\|(\d+)\|(\d+)\|(\d+)\|(\.\/.+)$/.exec(line);
      if (!m) return undefined;
      const raw = parseInt(m[1], 16);
      const name = nameOf(m[6]);
      if (name.includes('/')) return undefined;
      const type = typeOfRawMode(raw);
      entries.set(name, { name, type, size: type === 'file' ? Number(m[2]) : 0, mode: raw & 0o7777, mtimeMs: Number(m[3]) * 1000, uid: Number(m[4]), gid: Number(m[5]) });
    } else if (line.startsWith('N|')) {
      // `'./name' -> 'target'` (busybox) or `'./name' -> 'target'` with GNU quoting of odd characters.
      const m = /^N\|['"]?(\.\/.*?)['"]? -> ['"]?(.*?)['"]?$/.exec(line);
      if (m) links.set(nameOf(m[1]), m[2]);
    } else if (line.startsWith('L|')) {
      const m = /^L\|([0-9a-f]+)\|(\.\/.+)$/.exec(line);
      if (m) targets.set(nameOf(m[2]), typeOfRawMode(parseInt(m[1], 16)));
    } else {
      return undefined;
    }
  }
  return [...entries.values()].map((e) => (e.type === 'symlink' ? { ...e, linkTarget: links.get(e.name) ?? '', targetType: targets.get(e.name) ?? 'other' } : e));
}
