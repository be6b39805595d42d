// Finds keys in a compose file's text by indentation, without a YAML parser in the extension bundle: the
// services a file defines (for the code lenses) and the line of a key path the CLI names in an error.
import * as path from 'node:path';
import { parseErrorLocation } from './composeOutput';
import type { ComposeProjectSpec } from './composeProject';

export interface KeyLine {
  readonly key: string;
  /** 0-based. */
  readonly line: number;
  readonly character: number;
}

const KEY = /^(\s*)("[^"]+"|'[^']+'|[^\s#'"-][^:#]*?)\s*:(?:\s|$)/;

/** The keys directly under the block that starts at `fromLine` (or the top level), with their lines. */
export function childKeys(lines: readonly string[], fromLine = -1, parentIndent = -1): KeyLine[] {
  const keys: KeyLine[] = [];
  let childIndent: number | undefined;
  for (let i = fromLine + 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line) || /^(---|\.\.\.)\s*$/.test(line)) continue;
    const indent = /^\s*/.exec(line)![0].length;
    if (indent <= parentIndent) break;
    const m = KEY.exec(line);
    if (!m) continue;
    childIndent ??= indent;
    if (indent !== childIndent) continue;
    keys.push({ key: m[2].replace(/^["']|["']$/g, ''), line: i, character: indent });
  }
  return keys;
}

/** The line of a key path (`services.web.ports`), or of as much of it as the file has. */
export function findKeyPath(text: string, keyPath: readonly string[]): KeyLine | undefined {
  const lines = text.split(/\r?\n/);
  let found: KeyLine | undefined;
  let keys = childKeys(lines);
  for (const key of keyPath) {
    const next = keys.find((k) => k.key === key);
    if (!next) break;
    found = next;
    keys = childKeys(lines, next.line, next.character);
  }
  return found;
}

/** The services a compose file defines, with the line of each. */
export function serviceLines(text: string): { services?: KeyLine; entries: KeyLine[] } {
  const lines = text.split(/\r?\n/);
  const services = childKeys(lines).find((k) => k.key === 'services');
  return { services, entries: services ? childKeys(lines, services.line, services.character).filter((k) => !k.key.startsWith('x-')) : [] };
}

export interface LocatedError {
  readonly file: string;
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
}

/** Where a CLI error points in the project's files, if it names a position or a key that can be found. */
export async function locateCliError(spec: ComposeProjectSpec, stderr: string, read: (file: string) => Promise<string>): Promise<LocatedError | undefined> {
  const location = parseErrorLocation(stderr);
  if (!location) return undefined;
  const named = location.file ? path.resolve(spec.directory, location.file) : undefined;
  const candidates = named ? [named] : [...spec.files];
  for (const file of candidates) {
    let text: string;
    try {
      text = await read(file);
    } catch {
      continue;
    }
    const lines = text.split(/\r?\n/);
    if (location.line !== undefined) {
      const line = Math.min(Math.max(location.line - 1, 0), lines.length - 1);
      const character = Math.max((location.column ?? 1) - 1, 0);
      return { file, line, character: Math.min(character, lines[line].length), endCharacter: Math.max(lines[line].length, character + 1) };
    }
    if (location.keyPath) {
      // An empty path: the key is at the top level.
      const parent = location.keyPath.length > 0 ? findKeyPath(text, location.keyPath) : undefined;
      if (!parent && location.keyPath.length > 0) continue;
      const child = location.key ? (parent ? childKeys(lines, parent.line, parent.character) : childKeys(lines)).find((k) => k.key === location.key) : undefined;
      if (!parent && !child) continue;
      const hit = (child ?? parent)!;
      return { file, line: hit.line, character: hit.character, endCharacter: hit.character + hit.key.length };
    }
  }
  return undefined;
}
