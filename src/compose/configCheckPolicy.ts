// When the CLI's check on save runs, and what its error becomes beside the spec diagnostics. Pure, so the
// rules are unit-tested (test/unit/compose/composeConfigCheck.test.ts); composeConfigCheck.ts applies them.
import { isComposeFileName } from '../server/compose/composeFileNames';

export interface SavedFile {
  readonly scheme: string;
  readonly languageId: string;
  readonly path: string;
  /** vscode.workspace.isTrusted: a repository nobody trusted yet runs nothing on its behalf. */
  readonly trusted: boolean;
  /** The dockside.compose.checkOnSave setting for the file. */
  readonly enabled: boolean;
}

export function shouldCheckOnSave(file: SavedFile): boolean {
  return file.trusted && file.enabled && file.scheme === 'file' && (file.languageId === 'dockercompose' || isComposeFileName(file.path));
}

/**
 * `skip`: the spec check already shows an error on that line (the CLI would only repeat it); `hint`: the CLI
 * does not know a key or tag there that the spec check found nothing wrong with (an older CLI); else `error`.
 */
export function configErrorKind(specErrorOnLine: boolean, unknownToCli: boolean): 'skip' | 'hint' | 'error' {
  if (specErrorOnLine) return 'skip';
  return unknownToCli ? 'hint' : 'error';
}
