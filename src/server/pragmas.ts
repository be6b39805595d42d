// The silencing comments users already write, read once per validation: `# hadolint ignore=...` (next
// instruction), `# hadolint global ignore=...`, BuildKit's `# check=skip=...` directive and
// `# dockerfile-utils: ignore` (next instruction). The rule engine honours them for its own rules; the
// pipeline needs them for dockerfile-utils' problems, which can carry hadolint or BuildKit ids as aliases.

export interface Pragmas {
  /** Ids silenced in the whole file (`skip=all` concerns BuildKit's own checks, left to the rule engine). */
  global: Set<string>;
  /** Instruction start line → ids silenced on that instruction. */
  byInstructionLine: Map<number, Set<string>>;
  /** Start lines of instructions preceded by `# dockerfile-utils: ignore`. */
  utilsIgnoredLines: Set<number>;
  /** Line index → start line of the instruction that line belongs to. */
  instructionStartOf: Int32Array;
}

const hadolintPragma = /^#\s*hadolint\s+(global\s+)?ignore\s*=\s*([\w,\s-]+)$/i;
const checkDirective = /^#\s*check\s*=\s*(.*)$/i;
const escapeDirective = /^#\s*escape\s*=\s*([\\`])\s*$/i;
const anyDirective = /^#\s*[a-z]+\s*=/i;

export function readPragmas(lines: readonly string[]): Pragmas {
  const pragmas: Pragmas = {
    global: new Set(),
    byInstructionLine: new Map(),
    utilsIgnoredLines: new Set(),
    instructionStartOf: new Int32Array(lines.length).fill(-1),
  };
  let escapeChar = '\\';
  let inDirectives = true;
  let pendingIds: string[] = [];
  let pendingUtilsIgnore = false;
  let continuationOf = -1;

  for (let index = 0; index < lines.length; index++) {
    const trimmed = lines[index].trim();
    const isComment = trimmed.startsWith('#');

    if (inDirectives && isComment && anyDirective.test(trimmed)) {
      const escape = escapeDirective.exec(trimmed);
      if (escape) escapeChar = escape[1];
      const check = checkDirective.exec(trimmed);
      if (check) readCheckDirective(check[1], pragmas.global);
      continue;
    }
    inDirectives = false;

    if (continuationOf >= 0) {
      // Comments and blank lines inside a continued instruction belong to it but do not end it.
      pragmas.instructionStartOf[index] = continuationOf;
      if (!isComment && trimmed !== '' && !trimmed.endsWith(escapeChar)) continuationOf = -1;
      continue;
    }
    if (isComment) {
      const hadolint = hadolintPragma.exec(trimmed);
      if (hadolint) {
        const ids = splitIds(hadolint[2]);
        if (hadolint[1]) ids.forEach((id) => pragmas.global.add(id));
        else pendingIds.push(...ids);
      } else if (/^#\s*dockerfile-utils:\s*ignore\s*$/.test(trimmed)) {
        pendingUtilsIgnore = true;
      }
      continue;
    }
    if (trimmed === '') continue;

    pragmas.instructionStartOf[index] = index;
    if (pendingIds.length > 0) pragmas.byInstructionLine.set(index, new Set(pendingIds));
    if (pendingUtilsIgnore) pragmas.utilsIgnoredLines.add(index);
    pendingIds = [];
    pendingUtilsIgnore = false;
    if (trimmed.endsWith(escapeChar)) continuationOf = index;
  }
  return pragmas;
}

/** True when any of the ids is silenced for the instruction holding `line`. */
export function isSilenced(pragmas: Pragmas, ids: readonly string[], line: number): boolean {
  const onInstruction = pragmas.byInstructionLine.get(pragmas.instructionStartOf[line] ?? -1);
  return ids.some((id) => pragmas.global.has(id) || onInstruction?.has(id) === true);
}

function readCheckDirective(value: string, global: Set<string>): void {
  for (const part of value.split(';')) {
    const [key, ids] = part.split('=', 2).map((piece) => piece.trim());
    if (key.toLowerCase() === 'skip' && ids) splitIds(ids).forEach((id) => global.add(id));
  }
}

function splitIds(list: string): string[] {
  return list.split(',').map((id) => id.trim()).filter((id) => id.length > 0);
}
