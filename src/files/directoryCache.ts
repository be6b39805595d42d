// What was last listed, per directory: stat answers from it (VS Code stats every file it shows), and an
// archive listing fills in every directory below the one asked for, so expanding them costs nothing.
import type { DirectoryTree, FileEntry } from '../models/fileEntry';

/** A listing is trusted for stat and for expanding this long; a refresh or our own write drops it sooner. */
const FRESH_MS = 5_000;

interface Listing {
  readonly at: number;
  readonly entries: ReadonlyMap<string, FileEntry>;
  /** True when the listing came from an archive read of an ancestor (not asked for itself). */
  readonly prefetched: boolean;
}

export class DirectoryCache {
  private readonly listings = new Map<string, Listing>();

  /** `key`: the target key; `dir`: an absolute path. */
  put(key: string, dir: string, entries: readonly FileEntry[]): void {
    this.listings.set(`${key}:${dir}`, { at: Date.now(), entries: new Map(entries.map((e) => [e.name, e])), prefetched: false });
  }

  /** Every directory of an archive listing of `dir` (relative paths '' and 'a/b'). */
  putTree(key: string, dir: string, tree: DirectoryTree): void {
    const at = Date.now();
    for (const [relative, entries] of tree) {
      const path = relative ? (dir === '/' ? `/${relative}` : `${dir}/${relative}`) : dir;
      this.listings.set(`${key}:${path}`, { at, entries, prefetched: relative !== '' });
    }
  }

  /** A fresh listing of `dir`: any for stat, only prefetched ones when `prefetchedOnly` (for expanding). */
  get(key: string, dir: string, prefetchedOnly = false): ReadonlyMap<string, FileEntry> | undefined {
    const listing = this.listings.get(`${key}:${dir}`);
    if (!listing || Date.now() - listing.at > FRESH_MS) return undefined;
    if (prefetchedOnly && !listing.prefetched) return undefined;
    return listing.entries;
  }

  /** Drops `dir`, and everything below it when `deep`. */
  drop(key: string, dir: string, deep = false): void {
    const prefix = `${key}:${dir}`;
    for (const k of [...this.listings.keys()]) {
      if (k === prefix || (deep && k.startsWith(dir === '/' ? prefix : `${prefix}/`))) this.listings.delete(k);
    }
  }

  /** Drops everything known about a target. */
  dropTarget(key: string): void {
    for (const k of [...this.listings.keys()]) if (k.startsWith(`${key}:`)) this.listings.delete(k);
  }
}
