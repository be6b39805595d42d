// One entry of a directory inside a container or volume: what a file system and a tree row need.

export type FileEntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface FileEntry {
  /** The entry's own name (one path segment, any UTF-8). */
  readonly name: string;
  readonly type: FileEntryType;
  /** For a symlink: what it points at, as stored in the link. */
  readonly linkTarget?: string;
  /** For a symlink: the type of what it resolves to, when known ('other' when it dangles). */
  readonly targetType?: FileEntryType;
  readonly size: number;
  /** Permission bits (and setuid/setgid/sticky): `mode & 0o7777`. */
  readonly mode: number;
  readonly mtimeMs: number;
  readonly uid: number;
  readonly gid: number;
}

/** "rwxr-xr-x" for the permission bits, as `ls -l` writes them (setuid/setgid/sticky included). */
export function modeString(mode: number): string {
  const bit = (mask: number, c: string) => (mode & mask ? c : '-');
  const special = (exec: number, flag: number, on: string, off: string) => (mode & flag ? (mode & exec ? on : off) : mode & exec ? 'x' : '-');
  return (
    bit(0o400, 'r') + bit(0o200, 'w') + special(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') + bit(0o020, 'w') + special(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') + bit(0o002, 'w') + special(0o001, 0o1000, 't', 'T')
  );
}

/** Directory path (relative to a listed one, '' for itself) → its entries by name. */
export type DirectoryTree = Map<string, Map<string, FileEntry>>;
