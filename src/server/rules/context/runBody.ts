// Turns a RUN instruction into the shell script Docker would hand to `/bin/sh -c`, keeping a map from each
// script character back to its offset in the Dockerfile so that diagnostics land on the right column.
import { Heredoc, Instruction, Run } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { withNestedShellScripts } from '../shell/nestedShell';
import { parseShell } from '../shell/shellParser';
import { ShellScript } from '../shell/shellSyntax';

export interface RunBody {
  script: ShellScript;
  /** `offsets[i]` is the document offset of script character i; one extra entry marks the end. */
  offsets: Int32Array;
}

const BARE_HEREDOC = /^<<-?\s*(["']?)[A-Za-z0-9_.-]+\1\s*$/;

export function extractRunBody(document: TextDocument, instruction: Instruction, escapeChar: string): RunBody | undefined {
  const argumentsRange = instruction.getArgumentsRange();
  if (!argumentsRange) return undefined;
  const start = document.offsetAt(argumentsRange.start);
  const end = document.offsetAt(instruction.getRange().end);
  const text = document.getText();
  if (text[start] === '[' && isExecForm(text.slice(start, end))) return undefined;

  const firstLineEnd = text.indexOf('\n', start);
  const firstLine = text.slice(start, firstLineEnd < 0 || firstLineEnd > end ? end : firstLineEnd);
  if (BARE_HEREDOC.test(firstLine.trim()) && instruction instanceof Run) {
    // `RUN <<EOF` with nothing else: the here-document is the script itself.
    const content = heredocsOf(instruction)[0]?.getContentRange();
    if (!content) return undefined;
    const from = document.offsetAt(content.start);
    const to = document.offsetAt(content.end);
    return build(text, [[from, to]]);
  }
  return build(text, continuationSegments(text, start, end, escapeChar));
}

/** A RUN's here-documents; dockerfile-ast throws on some malformed continuations, which means none. */
export function heredocsOf(instruction: Instruction): Heredoc[] {
  if (!(instruction instanceof Run)) return [];
  try {
    return instruction.getHeredocs();
  } catch {
    return [];
  }
}

function isExecForm(args: string): boolean {
  try {
    return Array.isArray(JSON.parse(args.replace(/\\\r?\n/g, '')));
  } catch {
    return false;
  }
}

/**
 * The pieces of [start, end) that survive Docker's line joining: an escape character ending a line joins
 * it to the next, and inside a continuation, blank lines and `#` comment lines are dropped.
 */
function continuationSegments(text: string, start: number, end: number, escapeChar: string): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  let segmentStart = start;
  let pos = start;
  let continued = false;
  while (pos < end) {
    const lineEnd = Math.min(indexOrEnd(text, '\n', pos), end);
    if (continued) {
      const trimmed = text.slice(pos, lineEnd).trim();
      if (trimmed === '' || trimmed.startsWith('#')) {
        pos = lineEnd + 1;
        segmentStart = pos;
        continue;
      }
    }
    let contentEnd = lineEnd;
    if (contentEnd > pos && text[contentEnd - 1] === '\r') contentEnd--;
    let last = contentEnd;
    while (last > pos && (text[last - 1] === ' ' || text[last - 1] === '\t')) last--;
    continued = last > pos && text[last - 1] === escapeChar && lineEnd < end && !escapedEscape(text, pos, last - 1, escapeChar);
    if (continued) {
      segments.push([segmentStart, last - 1]);
      pos = lineEnd + 1;
      segmentStart = pos;
    } else {
      pos = lineEnd + 1;
    }
  }
  if (segmentStart < end) segments.push([segmentStart, end]);
  return segments;
}

/** True when the escape character at `index` is itself escaped (`\\` at a line end is not a continuation). */
function escapedEscape(text: string, lineStart: number, index: number, escapeChar: string): boolean {
  let count = 0;
  for (let i = index - 1; i >= lineStart && text[i] === escapeChar; i--) count++;
  return count % 2 === 1;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 ? text.length : i;
}

function build(text: string, segments: Array<[number, number]>): RunBody {
  let length = 0;
  for (const [from, to] of segments) length += Math.max(0, to - from);
  const offsets = new Int32Array(length + 1);
  let script = '';
  let i = 0;
  for (const [from, to] of segments) {
    if (to <= from) continue;
    script += text.slice(from, to);
    for (let o = from; o < to; o++) offsets[i++] = o;
  }
  offsets[length] = segments.length > 0 ? segments[segments.length - 1][1] : 0;
  return { script: withNestedShellScripts(parseShell(script)), offsets };
}
