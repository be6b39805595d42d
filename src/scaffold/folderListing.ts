// What detection may look at: the names in a folder and the text of its files. The command reads through
// vscode.workspace.fs (remote workspaces too), the tests from disk; detection itself reads nothing else.

export interface FolderListing {
  /** Names of the entries at the folder's root; folders end in '/'. */
  readonly entries: readonly string[];
  /** A file's text, by its path relative to the folder; undefined when there is none. */
  read(relativePath: string): Promise<string | undefined>;
  /** Names in a subfolder (folders end in '/'); empty when there is none. */
  list(relativeFolder: string): Promise<readonly string[]>;
}

/** Compose service and image names allow lower case letters, digits and `._-`, starting with a letter or digit. */
export function serviceName(...candidates: (string | undefined)[]): string {
  for (const raw of candidates) {
    const cleaned = (raw ?? '').split('/').pop()!.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[-._]+$/g, '');
    if (cleaned !== '') return cleaned;
  }
  return 'app';
}
