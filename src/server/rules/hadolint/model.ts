// The Dockerfile as hadolint's rules see it (language-docker's model): a flat list of instructions and
// comments, each with the line of its first character; ONBUILD triggers as a second stream of their own;
// FROM split into registry/name/tag/digest/alias the way language-docker splits it; COPY/ADD as flags,
// sources and target; RUN bodies as hadolint's command model. Built once per lint from the shared parse.
import { Comment, Flag, Instruction, Onbuild, PropertyInstruction } from 'dockerfile-ast';
import { LintRange } from '../../../shared/lintProtocol';
import { LintContext } from '../context/lintContext';
import { extractRunBody, RunBody } from '../context/runBody';
import { CommandModel, commandModel } from '../shell/commandModel';
import { parseShell } from '../shell/shellParser';

export interface Item {
  /** Upper-case keyword, or COMMENT / PRAGMA (`# escape=` and `# syntax=` lines). */
  keyword: string;
  /** 0-based line of the first character (the ONBUILD line for triggers). */
  line: number;
  /** The instruction (for triggers: the wrapped instruction). */
  instruction?: Instruction;
  /** Where findings on this item are shown when no finer range applies. */
  range: LintRange;
  /** The ONBUILD instruction a trigger belongs to. */
  onbuild?: Instruction;
  /** Comment text after `#`. */
  comment?: string;
}

export interface ImageRef {
  registry?: string;
  name: string;
  tag?: string;
  digest?: string;
}

export interface FromInfo extends ImageRef {
  image: string;
  alias?: string;
  platform?: string;
}

export interface CopyInfo {
  flags: Map<string, string>;
  sources: string[];
  target: string;
  heredoc: boolean;
}

export interface Mount {
  type: string;
  target?: string;
  from?: string;
}

export interface ShellInfo {
  model: CommandModel;
  /** The shell-form body (for ranges), when there is one. */
  body?: RunBody;
  /** The argument text as hadolint sees it (exec form: the strings joined by spaces). */
  text: string;
  exec: boolean;
}

const ARG_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK']);

export class DockerfileModel {
  readonly items: Item[] = [];
  readonly onbuildItems: Item[] = [];
  private readonly froms = new Map<Item, FromInfo>();
  private readonly shells = new Map<Item, ShellInfo | null>();

  constructor(readonly context: LintContext) {
    const instructions = context.instructions;
    const covered = new Set<number>();
    for (const instruction of instructions) {
      const { start, end } = instruction.getRange();
      for (let l = start.line; l <= end.line; l++) covered.add(l);
    }
    const entries: Item[] = [];
    for (const directive of context.dockerfile.getDirectives()) {
      const line = directive.getRange().start.line;
      const name = directive.getName().toLowerCase();
      entries.push({ keyword: name === 'escape' || name === 'syntax' ? 'PRAGMA' : 'COMMENT', line, range: directive.getRange(),
        comment: context.document.getText(directive.getRange()).replace(/^\s*#/, '') });
    }
    for (const comment of context.dockerfile.getComments() as Comment[]) {
      const line = comment.getRange().start.line;
      if (covered.has(line) || entries.some((e) => e.line === line)) continue;
      const text = context.document.getText(comment.getRange()).replace(/^\s*#/, '');
      const pragma = /^\s*(escape|syntax)\s*=/i.test(text);
      entries.push({ keyword: pragma ? 'PRAGMA' : 'COMMENT', line, range: comment.getRange(), comment: text });
    }
    for (const instruction of instructions) {
      const keyword = instruction.getKeyword();
      const line = instruction.getRange().start.line;
      entries.push({ keyword, line, instruction, range: instruction.getInstructionRange() });
      if (keyword === 'ONBUILD') {
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        if (trigger) {
          this.onbuildItems.push({ keyword: trigger.getKeyword(), line, instruction: trigger, onbuild: instruction,
            range: instruction.getInstructionRange() });
        }
      }
    }
    entries.sort((a, b) => a.line - b.line);
    this.items.push(...entries);
  }

  /** The range to show: `preferred` when it starts on the item's line (hadolint reports lines), else the keyword. */
  rangeOn(item: Item, preferred?: LintRange): LintRange {
    return preferred && preferred.start.line === item.line ? preferred : item.range;
  }

  from(item: Item): FromInfo {
    let info = this.froms.get(item);
    if (!info) {
      info = parseFrom(item.instruction as Instruction);
      this.froms.set(item, info);
    }
    return info;
  }

  /** hadolint's parsed shell of RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK arguments. */
  shell(item: Item): ShellInfo | undefined {
    if (!item.instruction || !ARG_KEYWORDS.has(item.keyword)) return undefined;
    let info = this.shells.get(item);
    if (info === undefined) {
      info = this.buildShell(item, item.instruction) ?? null;
      this.shells.set(item, info);
    }
    return info ?? undefined;
  }

  private buildShell(item: Item, instruction: Instruction): ShellInfo | undefined {
    let raw = argumentText(this.context, instruction);
    if (item.keyword === 'HEALTHCHECK') raw = raw.replace(/^\s*CMD\s+/i, '');
    const exec = execStrings(raw);
    if (exec) {
      const text = exec.join(' ');
      return { model: commandModel(parseShell(text)), text, exec: true };
    }
    if (item.keyword !== 'RUN') return { model: commandModel(parseShell(raw)), text: raw, exec: false };
    const body = (item.onbuild ? undefined : this.context.runBody(instruction)) ??
      extractRunBody(this.context.document, instruction, this.context.escapeChar);
    if (!body) return { model: commandModel(undefined), text: raw, exec: false };
    return { model: commandModel(body.script), body, text: body.script.text, exec: false };
  }

  /** The range of a command of a RUN body, when the body is shell form. */
  commandRange(item: Item, shell: ShellInfo, command: CommandModel['commands'][number] | undefined): LintRange {
    if (!command || !shell.body || item.onbuild) return item.range;
    return this.rangeOn(item, this.context.commandRange(shell.body, command.source));
  }
}

/** The argument text of an instruction with continuations joined (flags excluded). */
export function argumentText(context: LintContext, instruction: Instruction): string {
  const range = instruction.getArgumentsRange();
  if (!range) return '';
  const text = context.document.getText({ start: range.start, end: instruction.getRange().end });
  const escape = context.escapeChar === '`' ? '`' : '\\\\';
  return text.replace(new RegExp(`${escape}[ \\t]*\\r?\\n`, 'g'), '').replace(/\r/g, '');
}

/** The first line of an instruction's own text, trailing whitespace kept (USER, WORKDIR ... as hadolint reads them). */
export function restOfLine(context: LintContext, instruction: Instruction): string {
  const range = instruction.getArgumentsRange();
  if (!range) return '';
  const line = context.document.getText({ start: range.start, end: { line: range.start.line, character: Number.MAX_SAFE_INTEGER } });
  return line.replace(/\r?\n$/, '');
}

/** The strings of a JSON exec form, or undefined for shell form. */
export function execStrings(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string') ? parsed as string[] : undefined;
  } catch {
    return undefined;
  }
}

/** `dropQuotes`: every leading and trailing `"` and `'` removed. */
export function dropQuotes(value: string): string {
  return value.replace(/^["']+/, '').replace(/["']+$/, '');
}

export function parseFrom(instruction: Instruction): FromInfo {
  const words = instruction.getArguments().map((a) => a.getValue());
  const platformFlag = (instruction as unknown as { getPlatformFlag?(): Flag | null }).getPlatformFlag?.();
  const image = words[0] ?? '';
  const asIndex = words.findIndex((w, i) => i > 0 && w.toLowerCase() === 'as');
  const alias = asIndex > 0 ? words[asIndex + 1] : undefined;
  return { ...splitImage(image), image, alias, platform: platformFlag?.getValue() ?? undefined };
}

/** language-docker's split: a registry only when the part before the first `/` holds a dot. */
export function splitImage(image: string): ImageRef {
  let rest = image;
  let registry: string | undefined;
  const registryMatch = /^([^.\s]*\.[^/\s]*)\//.exec(rest);
  if (registryMatch) {
    registry = registryMatch[1];
    rest = rest.slice(registryMatch[0].length);
  }
  const nameEnd = opaqueIndexOf(rest, /[:@]/);
  const name = rest.slice(0, nameEnd);
  let tag: string | undefined;
  let digest: string | undefined;
  let after = rest.slice(nameEnd);
  if (after.startsWith(':')) {
    const at = opaqueIndexOf(after, /@/);
    tag = after.slice(1, at);
    after = after.slice(at);
  }
  if (after.startsWith('@')) digest = after.slice(1);
  return { registry, name, tag, digest };
}

/** Index of the first character matching `pattern` outside `${...}`, or the length. */
function opaqueIndexOf(text: string, pattern: RegExp): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && depth > 0) depth--;
    else if (depth === 0 && pattern.test(text[i])) return i;
  }
  return text.length;
}

export function copyInfo(context: LintContext, instruction: Instruction): CopyInfo {
  const flags = new Map<string, string>();
  for (const flag of (instruction as unknown as { getFlags?(): Flag[] }).getFlags?.() ?? []) {
    flags.set(flag.getName(), flag.getValue() ?? '');
  }
  const text = argumentText(context, instruction);
  const firstLine = text.split('\n')[0];
  if (/^\s*<<-?/.test(firstLine)) {
    const words = firstLine.trim().split(/\s+/);
    const markers = words.filter((w) => w.startsWith('<<'));
    const target = words.filter((w) => !w.startsWith('<<')).join(' ');
    return { flags, sources: markers.map((m) => m.replace(/^<<-?/, '').replace(/^["']|["']$/g, '')), target, heredoc: true };
  }
  const parts = execStrings(text) ?? text.trim().split(/\s+/).filter((w) => w !== '');
  return { flags, sources: parts.slice(0, -1), target: parts[parts.length - 1] ?? '', heredoc: false };
}

export function mountsOf(instruction: Instruction | undefined): Mount[] {
  if (!instruction) return [];
  const mounts: Mount[] = [];
  for (const flag of (instruction as unknown as { getFlags?(): Flag[] }).getFlags?.() ?? []) {
    if (flag.getName() !== 'mount') continue;
    const options = new Map(flag.getOptions().map((o) => [o.getName(), o.getValue() ?? '']));
    mounts.push({
      type: options.get('type') ?? 'bind',
      target: options.get('target') ?? options.get('dst') ?? options.get('destination'),
      from: options.get('from'),
    });
  }
  return mounts;
}

/** The set of RUN flags (mounts, network, security) as text, to compare two RUNs' flags. */
export function runFlagsKey(instruction: Instruction | undefined): string {
  const flags = (instruction as unknown as { getFlags?(): Flag[] } | undefined)?.getFlags?.() ?? [];
  return flags.map((f) => `${f.getName()}=${f.getValue() ?? ''}`).sort().join('\n');
}

/** Cache or tmpfs mounts whose target contains `fragment`. */
export function hasCacheMountContaining(instruction: Instruction | undefined, fragment: string): boolean {
  return mountsOf(instruction).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && (m.target ?? '').includes(fragment));
}

export function properties(instruction: Instruction | undefined): Array<{ name: string; value: string }> {
  if (!instruction) return [];
  return (instruction as PropertyInstruction).getProperties().map((p) => ({ name: p.getName(), value: p.getValue() ?? '' }));
}
