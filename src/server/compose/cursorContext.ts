// Where the cursor is in a compose file while the user types: the key path down to the map or list it is
// in, and whether a key, a value or a list item is being written. Read from the lines' indentation rather
// than the YAML tree, because the line being typed is usually not valid YAML yet (`    ima`).

export type CursorMode = 'key' | 'value' | 'item';

export interface CursorContext {
  /** Keys from the top; `[]` steps into a list item. For 'value', the path ends with the key being given a value. */
  readonly path: readonly string[];
  readonly mode: CursorMode;
  /** What is typed so far of the key or value. */
  readonly prefix: string;
  /** Offset where the typed word starts (the completion replaces from there to the cursor). */
  readonly start: number;
}

interface LineShape {
  /** Column of the first character (the dash for a list item). */
  readonly indent: number;
  readonly dash: boolean;
  /** Column of the key (after `- `), when the line has one. */
  readonly keyColumn: number;
  readonly key?: string;
  /** True when nothing but a comment follows the key's colon: the value is the block below. */
  readonly opensBlock: boolean;
}

const KEY_LINE = /^(\s*)(-\s+)?("[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:(\s+.*|)$/;

function shapeOf(line: string): LineShape | undefined {
  if (/^\s*(#.*)?$/.test(line)) return undefined;
  const m = KEY_LINE.exec(line);
  if (m) {
    const indent = m[1].length;
    const rest = m[4].trim();
    return { indent, dash: !!m[2], keyColumn: indent + (m[2]?.length ?? 0), key: m[3].replace(/^["']|["']$/g, ''), opensBlock: rest === '' || rest.startsWith('#') || /^[|>&!*]/.test(rest) };
  }
  const dash = /^(\s*)(-)(\s+|$)/.exec(line);
  const indent = /^\s*/.exec(line)![0].length;
  return { indent, dash: !!dash, keyColumn: dash ? indent + dash[0].length - dash[1].length : indent, opensBlock: false };
}

/**
 * The path to the block that a line at `column` sits in, from the lines above it. `isItem`: the line is a
 * list item (`- x`), whose list is the value of the nearest key above at a smaller column, or at the same
 * column (`key:\n- a`).
 */
function pathAbove(lines: readonly string[], lineIndex: number, column: number, isItem: boolean): string[] {
  const path: string[] = [];
  let target = column;
  let item = isItem;
  for (let i = lineIndex - 1; i >= 0; i--) {
    if (target === 0 && !item) break;
    const shape = shapeOf(lines[i]);
    if (!shape) continue;
    if (item) {
      if (shape.dash && shape.indent === target) continue; // an earlier item of the same list
      const owns = shape.key !== undefined && shape.opensBlock && (shape.keyColumn < target || (shape.keyColumn === target && !shape.dash));
      if (owns) {
        path.push(shape.key!);
        item = shape.dash;
        if (shape.dash) path.push('[]');
        target = shape.dash ? shape.indent : shape.keyColumn;
        if (shape.dash && target === 0) item = true;
        continue;
      }
      if (shape.indent < target) break;
      continue;
    }
    if (shape.dash && shape.keyColumn === target) {
      // A sibling key on the item's first line (`- name: x`): the block is that list item.
      path.push('[]');
      target = shape.indent;
      item = true;
      continue;
    }
    if (shape.keyColumn < target) {
      if (shape.key === undefined || !shape.opensBlock) break;
      path.push(shape.key);
      if (shape.dash) {
        path.push('[]');
        target = shape.indent;
        item = true;
      } else {
        target = shape.keyColumn;
      }
    }
  }
  return path.reverse();
}

export function cursorContext(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  const lineIndex = lines.length;
  const valueMatch = /^(\s*)(-\s+)?("[^"]*"|'[^']*'|[^\s#'"-][^:#]*?):\s+(.*)$|^(\s*)(-\s+)?([^\s#'"-][^:#]*?):$/.exec(before);
  if (valueMatch && !/^\s*-\s*$/.test(before)) {
    const indent = (valueMatch[1] ?? valueMatch[5]).length;
    const dash = valueMatch[2] ?? valueMatch[6];
    const key = (valueMatch[3] ?? valueMatch[7]).replace(/^["']|["']$/g, '');
    const typed = valueMatch[4] ?? '';
    const keyColumn = indent + (dash?.length ?? 0);
    const path = [...pathAbove(lines, lineIndex, keyColumn, false), ...(dash ? ['[]'] : []), key];
    // In a flow list (`depends_on: [web, d|`) the cursor is writing an item.
    const flow = /\[([^\]]*)$/.exec(typed);
    if (flow) {
      const word = /[^\s,[]*$/.exec(typed)![0];
      return { path, mode: 'item', prefix: word, start: offset - word.length };
    }
    const word = typed.replace(/^["']/, '');
    return { path, mode: 'value', prefix: word, start: offset - word.length };
  }
  const itemMatch = /^(\s*)-(?:\s+(.*))?$/.exec(before);
  if (itemMatch && !/:\s/.test(itemMatch[2] ?? '')) {
    // `- wor|`: a list item that may be a value (`- web`) or the first key of a map item (`- target`).
    const word = (itemMatch[2] ?? '').replace(/^["']/, '');
    return { path: pathAbove(lines, lineIndex, itemMatch[1].length, true), mode: 'item', prefix: word, start: offset - word.length };
  }
  const keyMatch = /^(\s*)([\w.-]*)$/.exec(before);
  if (keyMatch) {
    const word = keyMatch[2];
    return { path: pathAbove(lines, lineIndex, keyMatch[1].length, false), mode: 'key', prefix: word, start: offset - word.length };
  }
  return { path: [], mode: 'value', prefix: '', start: offset };
}
