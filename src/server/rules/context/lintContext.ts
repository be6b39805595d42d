// Everything rules share for one run: the Dockerfile parsed once by dockerfile-ast, its stages, RUN bodies
// parsed once by the shell parser (lazily, only when a rule asks), and the list problems are reported into.
import { Dockerfile, From, Instruction } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintFix, LintRange } from '../../../shared/lintProtocol';
import { SimpleCommand } from '../shell/shellSyntax';
import { extractRunBody, RunBody } from './runBody';
import { parseDockerfile } from './sharedParse';

export interface Stage {
  index: number;
  from: From;
  /** The `AS name` alias, lowercased as Docker compares it. */
  name?: string;
  instructions: Instruction[];
}

export interface RawProblem {
  ruleId: string;
  range: LintRange;
  details: string[];
  fixes?: LintFix[];
  /** First line of the instruction the problem belongs to: pragmas on the line above silence it. */
  anchorLine: number;
}

export interface ContextSettings {
  trustedRegistries: string[];
  labelSchema: Record<string, string>;
  strictLabels: boolean;
  /** Paths excluded by .dockerignore, or undefined when there is none to read. */
  isIgnoredByDockerignore?: (path: string) => boolean;
  /** `# hadolint shell=...` names a shell that is not POSIX: no shell rules run. */
  nonPosixShellPragma: boolean;
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

export class LintContext {
  readonly document: TextDocument;
  readonly dockerfile: Dockerfile;
  readonly instructions: Instruction[];
  readonly stages: Stage[] = [];
  readonly escapeChar: string;
  readonly problems: RawProblem[] = [];
  private readonly bodies = new Map<Instruction, RunBody | null>();
  private readonly posixShell = new Map<Instruction, boolean>();
  private readonly stageByInstruction = new Map<Instruction, Stage>();
  /** Per stage, the earlier stage it is built FROM (by alias), computed once: rules walk these chains. */
  private readonly parents = new Map<Stage, Stage | undefined>();

  constructor(readonly text: string, readonly settings: ContextSettings) {
    this.document = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
    this.dockerfile = parseDockerfile(text);
    this.instructions = this.dockerfile.getInstructions();
    this.escapeChar = this.dockerfile.getEscapeCharacter();
    this.collectStagesAndShells();
  }

  private collectStagesAndShells(): void {
    let stage: Stage | undefined;
    let posix = !this.settings.nonPosixShellPragma;
    for (const instruction of this.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'FROM') {
        const from = instruction as From;
        stage = { index: this.stages.length, from, name: from.getBuildStage()?.toLowerCase(), instructions: [] };
        this.stages.push(stage);
        posix = !this.settings.nonPosixShellPragma;
      } else if (keyword === 'SHELL') {
        const first = instruction.getArguments()[0]?.getValue().replace(/^\[?\s*"?/, '').replace(/",?$/, '') ?? '';
        const name = first.split(/[\\/]/).pop()?.toLowerCase().replace(/\.exe$/, '') ?? '';
        posix = !this.settings.nonPosixShellPragma && POSIX_SHELLS.has(name);
      }
      stage?.instructions.push(instruction);
      if (stage) this.stageByInstruction.set(instruction, stage);
      this.posixShell.set(instruction, posix);
    }
    const firstByName = new Map<string, Stage>();
    for (const current of this.stages) {
      const image = current.from.getImage()?.toLowerCase();
      this.parents.set(current, image === undefined ? undefined : firstByName.get(image));
      if (current.name !== undefined && !firstByName.has(current.name)) firstByName.set(current.name, current);
    }
  }

  /** The earliest earlier stage whose alias is this stage's image, or undefined for an external image. */
  parentStage(stage: Stage): Stage | undefined {
    return this.parents.get(stage);
  }

  stageOf(instruction: Instruction): Stage | undefined {
    return this.stageByInstruction.get(instruction);
  }

  /** The parsed shell body of a RUN, or undefined for exec form, non-POSIX shells and empty bodies. */
  runBody(instruction: Instruction): RunBody | undefined {
    if (!this.posixShell.get(instruction)) return undefined;
    let body = this.bodies.get(instruction);
    if (body === undefined) {
      body = extractRunBody(this.document, instruction, this.escapeChar) ?? null;
      this.bodies.set(instruction, body);
    }
    return body ?? undefined;
  }

  /** Every RUN with a parsed body, in order. */
  *runs(): Generator<{ instruction: Instruction; body: RunBody }> {
    for (const instruction of this.instructions) {
      if (instruction.getKeyword() !== 'RUN') continue;
      const body = this.runBody(instruction);
      if (body) yield { instruction, body };
    }
  }

  /** The document range of script offsets [start, end) of a RUN body. */
  scriptRange(body: RunBody, start: number, end: number): LintRange {
    const last = body.offsets.length - 1;
    const from = body.offsets[Math.min(Math.max(start, 0), last)];
    const to = end > start ? body.offsets[Math.min(end - 1, last)] + 1 : from;
    return { start: this.document.positionAt(from), end: this.document.positionAt(to) };
  }

  commandRange(body: RunBody, command: SimpleCommand): LintRange {
    const words = command.words;
    if (words.length === 0) return this.scriptRange(body, command.start, command.end);
    return this.scriptRange(body, words[0].start, words[words.length - 1].end);
  }

  report(ruleId: string, instruction: Instruction, range: LintRange, details: string[] = [], fixes?: LintFix[]): void {
    this.problems.push({ ruleId, range, details, fixes, anchorLine: instruction.getRange().start.line });
  }
}
