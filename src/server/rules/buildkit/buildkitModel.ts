// The Dockerfile as BuildKit's checks see it: stages (names lower-cased), meta ARGs and the global args
// that expand FROM, where conversion stops (a non-ARG before the first FROM, an invalid stage name), each
// instruction's preceding comments and the `# check=` they carry, and one way to report a check.
import { From, Instruction, PropertyInstruction } from 'dockerfile-ast';
import { LintFix, LintRange } from '../../../shared/lintProtocol';
import { LintContext } from '../context/lintContext';
import { expandWord, Lookup } from './expand';

export interface BkStage {
  index: number;
  from: From;
  /** Lower-cased `AS` name. */
  name?: string;
  instructions: Instruction[];
  parent?: BkStage;
}

type Skip = Set<string> | 'all';

const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
export const HOST_OS = 'linux';
export const HOST_ARCH = ARCH[process.arch] ?? 'amd64';

/** Build arguments BuildKit defines itself, with the values a build on this machine would give them. */
export const PREDEFINED_ARGS: ReadonlyMap<string, string> = new Map([
  ['BUILDPLATFORM', `${HOST_OS}/${HOST_ARCH}`], ['BUILDOS', HOST_OS], ['BUILDOSVERSION', ''], ['BUILDARCH', HOST_ARCH],
  ['BUILDVARIANT', ''], ['TARGETPLATFORM', `${HOST_OS}/${HOST_ARCH}`], ['TARGETOS', HOST_OS], ['TARGETOSVERSION', ''],
  ['TARGETARCH', HOST_ARCH], ['TARGETVARIANT', ''], ['TARGETSTAGE', ''],
]);

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export class BuildkitModel {
  readonly stages: BkStage[] = [];
  /** ARGs before the first FROM, name → default (undefined when declared without one). */
  readonly metaArgs = new Map<string, string | undefined>();
  /** Index in `context.instructions` of the instruction conversion stops at, or -1. */
  readonly stopIndex: number = -1;
  private readonly comments = new Map<Instruction, string[]>();
  readonly fileSkip: Skip;
  readonly experimental: Skip;

  constructor(readonly context: LintContext) {
    const instructions = context.instructions;
    let stage: BkStage | undefined;
    for (let i = 0; i < instructions.length; i++) {
      const instruction = instructions[i];
      const keyword = instruction.getKeyword();
      if (keyword === 'FROM') {
        const from = instruction as From;
        const name = from.getBuildStage()?.toLowerCase();
        if (name !== undefined && !STAGE_NAME.test(name)) {
          this.stopIndex = i;
          break;
        }
        stage = { index: this.stages.length, from, name, instructions: [] };
        const base = this.expandGlobal(from.getImage() ?? '').value;
        stage.parent = this.stages.find((s) => s.name !== undefined && s.name === base);
        this.stages.push(stage);
      } else if (!stage) {
        if (keyword !== 'ARG') {
          this.stopIndex = i;
          break;
        }
        for (const property of (instruction as PropertyInstruction).getProperties()) {
          const value = property.getValue();
          this.metaArgs.set(property.getName(), value === null ? undefined : this.expandGlobal(value).value);
        }
      } else stage.instructions.push(instruction);
    }
    const directives = readFileDirectives(context);
    this.fileSkip = directives.skip;
    this.experimental = directives.experimental;
    this.collectComments();
  }

  /** Expansion against the predefined args and the meta ARGs (their defaults). */
  expandGlobal(word: string): ReturnType<typeof expandWord> {
    return expandWord(word, this.globalLookup, this.context.escapeChar);
  }

  readonly globalLookup: Lookup = (name) => {
    if (this.metaArgs.has(name)) return this.metaArgs.get(name) ?? undefined;
    return PREDEFINED_ARGS.get(name);
  };

  /** True when conversion reaches (and passes) the instruction: later checks see it. */
  converted(instruction: Instruction): boolean {
    if (this.stopIndex < 0) return true;
    return this.context.instructions.indexOf(instruction) < this.stopIndex;
  }

  /** Whether checks after the parse phase run at all. */
  get dispatches(): boolean {
    return this.stopIndex < 0 && this.stages.length > 0;
  }

  experimentalEnabled(rule: string): boolean {
    return this.experimental === 'all' || this.experimental.has(rule);
  }

  /** The `# check=skip=` of the comments right before an instruction (for checks that honour them). */
  skippedHere(rule: string, instruction: Instruction): boolean {
    for (const comment of this.comments.get(instruction) ?? []) {
      const match = /^check\s*=\s*(\S*)/i.exec(comment);
      if (!match) continue;
      const parsed = parseCheckOptions(match[1]);
      if (!parsed) return false;
      return parsed.skip === 'all' || parsed.skip.has(rule);
    }
    return false;
  }

  prevComments(instruction: Instruction): string[] {
    return this.comments.get(instruction) ?? [];
  }

  report(rule: string, instruction: Instruction, range?: LintRange, details: string[] = [], fixes?: LintFix[],
    honoursComments = true, commentsOf: Instruction = instruction): void {
    if (honoursComments && this.skippedHere(rule, commentsOf)) return;
    const first = instruction.getRange().start.line;
    const shown = range && range.start.line === first ? range : instruction.getInstructionRange();
    this.context.report(rule, instruction, shown, details, fixes);
  }

  /** BuildKit's pending comments: blank lines keep them, a lone `#` clears them, directives are not comments. */
  private collectComments(): void {
    const lines = this.context.text.split('\n');
    const starts = new Map<number, Instruction>();
    for (const instruction of this.context.instructions) starts.set(instruction.getRange().start.line, instruction);
    let pending: string[] = [];
    let directives = true;
    for (let line = 0; line < lines.length; line++) {
      const instruction = starts.get(line);
      if (instruction) {
        this.comments.set(instruction, pending);
        pending = [];
        directives = false;
        line = instruction.getRange().end.line;
        continue;
      }
      const trimmed = lines[line].trim();
      if (directives && /^#\s*(syntax|escape|check)\s*=/i.test(lines[line])) continue;
      if (trimmed.startsWith('#')) {
        directives = false;
        const text = trimmed.slice(1).trim();
        if (text === '') pending = [];
        else pending.push(text);
      } else if (trimmed !== '') directives = false;
      else directives = false;
    }
  }
}

export interface CheckOptions {
  skip: Skip;
  experimental: Skip;
  error?: boolean;
}

/** BuildKit's ParseLintOptions; undefined when the value is invalid. */
export function parseCheckOptions(value: string): CheckOptions | undefined {
  const options: CheckOptions = { skip: new Set(), experimental: new Set() };
  const trimmed = value.trim();
  if (trimmed === '') return options;
  const parts = trimmed.split(';');
  const limited = parts.length > 3 ? [...parts.slice(0, 2), parts.slice(2).join(';')] : parts;
  for (const part of limited) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const key = part.slice(0, eq).trim();
    const setting = part.slice(eq + 1);
    if (key === 'skip' || key === 'experimental') {
      const names = setting.split(',').map((s) => s.trim());
      const current = options[key];
      if (current === 'all' || names.includes('all')) options[key] = 'all';
      else options[key] = new Set(names.filter((n) => n !== ''));
    } else if (key === 'error') {
      const v = setting.trim();
      if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) options.error = true;
      else if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) options.error = false;
      else return undefined;
    } else return undefined;
  }
  return options;
}

/** The file's `# check=` directive (in the leading directive block, cut at the first space). */
function readFileDirectives(context: LintContext): CheckOptions {
  const lines = context.text.split('\n');
  let start = lines[0]?.startsWith('#!') ? 1 : 0;
  for (; start < lines.length; start++) {
    const match = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*)$/.exec(lines[start].replace(/\r$/, ''));
    if (!match || !['syntax', 'escape', 'check'].includes(match[1].toLowerCase())) break;
    if (match[1].toLowerCase() === 'check') {
      return parseCheckOptions(match[2].split(' ')[0]) ?? { skip: new Set(), experimental: new Set() };
    }
  }
  return { skip: new Set(), experimental: new Set() };
}
