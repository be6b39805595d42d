// What ShellCheck is given for one RUN body, as hadolint builds it (lint-semantics/hadolint-rules.md §2):
// a shebang naming the stage's shell (so each body carries its own dialect and one process can check the
// bodies of every stage), one `export NAME=1` per ARG/ENV name the stage knows and the body mentions
// (ShellCheck then treats them as assigned, constant and safe to leave unquoted), then the body. Unlike
// hadolint we keep every finding at its own line and column: `map` turns ShellCheck's position in the input
// back into an offset of the body's script.
import { Instruction, PropertyInstruction } from 'dockerfile-ast';
import { LintContext } from '../context/lintContext';

const DEFAULT_SHELL = '/bin/sh -c';
const PROXY_NAMES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy'];
const NON_POSIX = /pwsh|powershell|cmd/;
const ACCEPTED_SHEBANGS = ['#!/bin/sh', '#!/bin/bash', '#!/bin/ksh', '#!/usr/bin/env sh', '#!/usr/bin/env bash', '#!/usr/bin/env ksh'];

interface ShellOptions {
  shell: string;
  names: Set<string>;
}

export interface ShellcheckInput {
  /** The file content handed to ShellCheck. */
  text: string;
  /** Lines before the body (shebang and exports): ShellCheck's line numbers are shifted by this. */
  headerLines: number;
  /**
   * For each line of the body as ShellCheck sees it (carriage returns removed), the script offset of its
   * first character and, when the line had removed characters, the offset of each kept character.
   */
  lines: Array<{ start: number; kept?: number[] }>;
}

/** The options hadolint would use for each RUN, or no entry when ShellCheck must not see that RUN. */
export function shellOptionsPerRun(context: LintContext): Map<Instruction, ShellOptions> {
  const defaults = (): ShellOptions => ({ shell: DEFAULT_SHELL, names: new Set(PROXY_NAMES) });
  const ended = new Map<string, ShellOptions>();
  const perRun = new Map<Instruction, ShellOptions>();
  let defaultShell: string | undefined;
  let current: ShellOptions | undefined;
  let stageName: string | undefined;
  const pragmaShells = shellPragmaLines(context);
  let nextPragma = 0;
  const applyPragmasBefore = (line: number) => {
    while (nextPragma < pragmaShells.length && pragmaShells[nextPragma].line < line) {
      // A shell pragma before anything else sets the default of every stage.
      if (!current) defaultShell = pragmaShells[nextPragma].shell;
      current ??= { shell: defaultShell ?? DEFAULT_SHELL, names: new Set(PROXY_NAMES) };
      current.shell = pragmaShells[nextPragma].shell;
      nextPragma++;
    }
  };
  const fresh = () => ({ ...defaults(), shell: defaultShell ?? DEFAULT_SHELL });
  for (const instruction of context.instructions) {
    applyPragmasBefore(instruction.getRange().start.line);
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      if (current && stageName !== undefined && !ended.has(stageName)) ended.set(stageName, current);
      const image = context.stageOf(instruction);
      const parent = ended.get(image?.from.getImage()?.toLowerCase() ?? '');
      current = parent ? { shell: parent.shell, names: new Set(parent.names) } : fresh();
      stageName = image?.name;
      continue;
    }
    current ??= fresh();
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const property of (instruction as PropertyInstruction).getProperties()) current.names.add(property.getName());
    } else if (keyword === 'SHELL') {
      current.shell = shellString(instruction);
    } else if (keyword === 'RUN' && !NON_POSIX.test(current.shell)) {
      perRun.set(instruction, { shell: current.shell, names: new Set(current.names) });
    }
  }
  return perRun;
}

function shellPragmaLines(context: LintContext): Array<{ line: number; shell: string }> {
  // Read from the text: dockerfile-ast takes a pragma on the first line for a parser directive.
  const found: Array<{ line: number; shell: string }> = [];
  context.text.split('\n').forEach((text, line) => {
    const match = /^\s*#\s*hadolint\s+shell\s*=\s*(\S+)/i.exec(text);
    if (match) found.push({ line, shell: match[1] });
  });
  return found;
}

/** The SHELL instruction's strings joined by spaces, as hadolint keeps them. */
function shellString(instruction: Instruction): string {
  const content = instruction.getArgumentsContent() ?? '';
  try {
    const parsed: unknown = JSON.parse(content);
    if (Array.isArray(parsed)) return parsed.map(String).join(' ');
  } catch {
    // Not JSON: the text as written.
  }
  return content;
}

/** The input for one body, or undefined when hadolint's skip conditions apply (a foreign `#!` script). */
export function shellcheckInput(script: string, options: ShellOptions): ShellcheckInput | undefined {
  if (script.startsWith('#!') && !ACCEPTED_SHEBANGS.some((shebang) => script.startsWith(shebang))) return undefined;
  const shell = options.shell.trim().split(/\s+/)[0] || '/bin/sh';
  // Only the names the body mentions: an export of a name it never uses changes no finding, and leaving it
  // out makes the same RUN in stages (and files) with other ENV names one input, checked once.
  const mentioned = new Set(script.match(/[A-Za-z_][A-Za-z0-9_]*/g));
  const exports = [...options.names].filter((name) => mentioned.has(name) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)).sort().map((name) => `export ${name}=1`);
  const header = [`#!${shell}`, ...exports];
  const lines: ShellcheckInput['lines'] = [];
  const bodyLines: string[] = [];
  let start = 0;
  for (const raw of script.split('\n')) {
    if (raw.includes('\r')) {
      // Docker reads lines without their carriage returns; ShellCheck would flag them (SC1017).
      const kept: number[] = [];
      let line = '';
      for (let i = 0; i < raw.length; i++) {
        if (raw[i] === '\r') continue;
        kept.push(start + i);
        line += raw[i];
      }
      lines.push({ start, kept });
      bodyLines.push(line);
    } else {
      lines.push({ start });
      bodyLines.push(raw);
    }
    start += raw.length + 1;
  }
  return { text: `${header.join('\n')}\n${bodyLines.join('\n')}`, headerLines: header.length, lines };
}

/**
 * The script offset of ShellCheck's 1-based (line, column) in the input. json1 counts every character as
 * one column, tabs included, and characters are code points (a surrogate pair is one column).
 */
export function scriptOffset(input: ShellcheckInput, script: string, line: number, column: number): number {
  const index = Math.min(Math.max(line - 1 - input.headerLines, 0), input.lines.length - 1);
  const { start, kept } = input.lines[index];
  const lineEnd = index + 1 < input.lines.length ? input.lines[index + 1].start - 1 : script.length;
  let units = 0;
  let cursor = kept ? 0 : start;
  for (let counted = 1; counted < column; counted++) {
    if (kept) {
      if (units >= kept.length) break;
      units += isHighSurrogate(script.charCodeAt(kept[units])) ? 2 : 1;
    } else {
      if (cursor >= lineEnd) break;
      cursor += isHighSurrogate(script.charCodeAt(cursor)) ? 2 : 1;
    }
  }
  if (!kept) return Math.min(cursor, lineEnd);
  return units < kept.length ? kept[units] : lineEnd;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
