// BuildKit's dispatch-phase checks, run stage by stage with the environment BuildKit would have:
// UndefinedVar, WorkdirRelativePath, JSONArgsRecommended, MultipleInstructionsDisallowed,
// LegacyKeyValueFormat, SecretsUsedInArgOrEnv, CopyIgnoredFile, ExposeProtoCasing, ExposeInvalidFormat.
import * as path from 'node:path';
import { Flag, Instruction, Onbuild, Property, PropertyInstruction } from 'dockerfile-ast';
import { LintFix, LintRange } from '../../../shared/lintProtocol';
import { IgnoreMatcher } from '../config/dockerignore';
import { argumentText, execStrings } from '../hadolint/model';
import { BkStage, BuildkitModel } from './buildkitModel';
import { expandWord, Lookup, suggestion } from './expand';

/** What the local engine knows of a base image's configuration. */
export interface BaseImageConfig {
  env?: string[];
  shell?: boolean;
}

interface StageState {
  env: Map<string, string>;
  declared: Set<string>;
  workdirSet: boolean;
  shellSet: boolean;
  /** False when the base image's environment is unknown (an image the local engine does not have). */
  envKnown: boolean;
  triggers: Instruction[];
}

const DENY = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOW = /(?:^|_)(?:public|file|version)(?:_|$)/i;
const NEVER_REPORTED = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

export function secretKey(name: string): boolean {
  return DENY.test(name) && !ALLOW.test(name);
}

export function checkDispatch(bk: BuildkitModel, images?: ReadonlyMap<string, BaseImageConfig>): void {
  if (!bk.dispatches) return;
  const definedInFile = new Set<string>(bk.metaArgs.keys());
  for (const stage of bk.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() === 'ARG' || instruction.getKeyword() === 'ENV') {
        for (const property of (instruction as PropertyInstruction).getProperties()) definedInFile.add(property.getName());
      }
    }
  }
  const finalStates = new Map<BkStage, StageState>();
  for (const stage of bk.stages) {
    const parent = stage.parent ? finalStates.get(stage.parent) : undefined;
    const base = bk.expandGlobal(stage.from.getImage() ?? '').value;
    const image = images?.get(base);
    const state: StageState = parent
      ? { env: new Map(parent.env), declared: new Set(parent.declared), workdirSet: parent.workdirSet, shellSet: parent.shellSet,
        envKnown: parent.envKnown, triggers: [] }
      : { env: envFrom(image?.env), declared: new Set(), workdirSet: false, shellSet: image?.shell === true,
        envKnown: base === 'scratch' || image?.env !== undefined, triggers: [] };
    const dispatcher = new Dispatcher(bk, stage, state, definedInFile);
    for (const trigger of parent?.triggers ?? []) dispatcher.dispatch(trigger, stage.from);
    for (const instruction of stage.instructions) dispatcher.dispatch(instruction, instruction);
    finalStates.set(stage, state);
  }
}

function envFrom(env: string[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of env ?? []) {
    const eq = entry.indexOf('=');
    if (eq > 0) map.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  if (!map.has('PATH')) map.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  return map;
}

class Dispatcher {
  private readonly used = new Map<string, Instruction>();
  /** Findings per instruction and name or word, so that a repeated one points at its own occurrence. */
  private readonly occurrences = new Map<string, number>();

  private readonly windowsBase: boolean;

  constructor(private readonly bk: BuildkitModel, private readonly stage: BkStage, private readonly state: StageState,
    private readonly definedInFile: Set<string>) {
    let root: BkStage = stage;
    while (root.parent) root = root.parent;
    this.windowsBase = /(^|[/:._-])(windows|nanoserver|servercore|windowsservercore)([/:._-]|$)/i.test(root.from.getImage() ?? '');
  }

  private occurrence(instruction: Instruction, key: string): number {
    const id = `${instruction.getRange().start.line}\u0000${key}`;
    const count = this.occurrences.get(id) ?? 0;
    this.occurrences.set(id, count + 1);
    return count;
  }

  private readonly lookup: Lookup = (name) => this.state.env.get(name) ?? (this.state.declared.has(name) ? '' : undefined);

  /** `at` is where findings go: the instruction, or the child's FROM for an inherited ONBUILD trigger. */
  dispatch(instruction: Instruction, at: Instruction): void {
    const keyword = instruction.getKeyword();
    const comments = at === instruction ? instruction : this.stage.from;
    const report: Report = (rule, range, details, fixes) =>
      this.bk.report(rule, at, at === instruction ? range : undefined, details, at === instruction ? fixes : undefined, true, comments);
    switch (keyword) {
      case 'ENV': this.env(instruction, report); break;
      case 'ARG': this.arg(instruction, report); break;
      case 'LABEL': this.label(instruction, report); break;
      case 'COPY': case 'ADD': this.copy(instruction, report); break;
      case 'WORKDIR': this.workdir(instruction, report); break;
      case 'USER': case 'STOPSIGNAL': this.expandAll(instruction, [argumentText(this.bk.context, instruction).trim()], report); break;
      case 'VOLUME': this.volume(instruction, report); break;
      case 'RUN': this.runMounts(instruction, report); break;
      case 'EXPOSE': this.expose(instruction, report); break;
      case 'SHELL': this.state.shellSet = true; break;
      case 'ONBUILD': {
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        if (trigger) this.state.triggers.push(trigger);
        break;
      }
    }
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'HEALTHCHECK') this.once(instruction, at, comments);
    if ((keyword === 'CMD' || keyword === 'ENTRYPOINT') && !this.state.shellSet &&
      !execStrings(argumentText(this.bk.context, instruction))) {
      report('JSONArgsRecommended', undefined, [instruction.getInstruction()]);
    }
  }

  private once(instruction: Instruction, at: Instruction, comments: Instruction): void {
    const keyword = instruction.getKeyword();
    const previous = this.used.get(keyword);
    if (previous) {
      this.bk.report('MultipleInstructionsDisallowed', previous, undefined, [instruction.getInstruction()], undefined, true, comments);
    }
    this.used.set(keyword, at);
  }

  /** Expands words, reporting each unmatched name once per word. */
  private expandAll(instruction: Instruction, words: string[], report: Report): string[] {
    return words.map((word) => {
      const result = expandWord(word, this.lookup, this.bk.context.escapeChar);
      for (const name of new Set(result.unmatched)) this.undefinedVar(instruction, name, report);
      return result.value;
    });
  }

  private undefinedVar(instruction: Instruction, name: string, report: Report): void {
    if (NEVER_REPORTED.has(name)) return;
    // Without the base image's environment, only a name this file defines elsewhere is surely missing here.
    if (!this.state.envKnown && !this.definedInFile.has(name)) return;
    const hint = suggestion(name, this.state.env.keys());
    report('UndefinedVar', variableRange(this.bk, instruction, name, this.occurrence(instruction, `$${name}`)),
      [`$${name}`, hint ? ` (did you mean $${hint}?)` : '']);
  }

  private env(instruction: Instruction, report: Report): void {
    const properties = (instruction as PropertyInstruction).getProperties();
    const pairs = properties.map((p) => {
      const [name, value] = this.expandAll(instruction, [p.getName(), rawValue(p)], report);
      return { name, value, written: p };
    });
    this.legacy(instruction, report);
    for (const pair of pairs) {
      if (secretKey(pair.name)) report('SecretsUsedInArgOrEnv', pair.written.getNameRange(), ['ENV', pair.name]);
      this.state.env.set(pair.name, pair.value);
    }
  }

  private arg(instruction: Instruction, report: Report): void {
    for (const property of (instruction as PropertyInstruction).getProperties()) {
      const name = property.getName();
      if (secretKey(name)) report('SecretsUsedInArgOrEnv', property.getNameRange(), ['ARG', name]);
      const value = property.getValue();
      this.state.declared.add(name);
      if (value !== null) this.state.env.set(name, this.expandAll(instruction, [rawValue(property)], report)[0]);
      else {
        const meta = this.bk.metaArgs.get(name);
        if (meta !== undefined) this.state.env.set(name, meta);
      }
    }
  }

  private label(instruction: Instruction, report: Report): void {
    for (const p of (instruction as PropertyInstruction).getProperties()) this.expandAll(instruction, [p.getName(), rawValue(p)], report);
    this.legacy(instruction, report);
  }

  private legacy(instruction: Instruction, report: Report): void {
    const first = argumentText(this.bk.context, instruction).trim().split(/\s+/)[0] ?? '';
    if (first === '' || first.includes('=')) return;
    const property = (instruction as PropertyInstruction).getProperties()[0];
    report('LegacyKeyValueFormat', undefined, [instruction.getInstruction()], property ? legacyFix(property) : undefined);
  }

  private copy(instruction: Instruction, report: Report): void {
    const flags = ((instruction as unknown as { getFlags?(): Flag[] }).getFlags?.() ?? []);
    const expanded = ['chown', 'chmod', ...(instruction.getKeyword() === 'ADD' ? ['checksum'] : [])];
    this.expandAll(instruction, flags.filter((f) => expanded.includes(f.getName())).map((f) => f.getValue() ?? ''), report);
    const text = argumentText(this.bk.context, instruction);
    const firstLine = text.split('\n')[0];
    const heredoc = /^\s*<</.test(firstLine);
    let parts: string[];
    if (heredoc) {
      const words = firstLine.trim().split(/\s+/);
      parts = [words.filter((w) => !w.startsWith('<<')).join(' ')];
      if (words.some((w) => /^<<-?[A-Za-z0-9_]/.test(w))) {
        const body = text.split('\n').slice(1).join('\n');
        this.expandAll(instruction, [body], report);
      }
    } else parts = execStrings(text) ?? text.trim().split(/\s+/).filter((w) => w !== '');
    const values = this.expandAll(instruction, parts, report);
    if (heredoc || flags.some((f) => f.getName() === 'from')) return;
    this.ignoredSources(instruction, values.slice(0, -1), report);
  }

  private ignoredSources(instruction: Instruction, sources: string[], report: Report): void {
    const matcher = this.bk.context.settings.isIgnoredByDockerignore as IgnoreMatcher | undefined;
    if (!matcher || !matcher.patterns || matcher.patterns.length === 0 || matcher.hasExclusions) return;
    for (const source of sources) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@')) continue;
      const clean = path.posix.normalize(source).replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
      const root = clean === '' || clean === '.';
      const fires = root ? matcher.patterns.some((p) => p === '*' || p === '**' || p === '**/*') : matcher(clean);
      if (fires) {
        report('CopyIgnoredFile', wordRange(this.bk, instruction, source, this.occurrence(instruction, source)),
          [instruction.getKeyword() === 'ADD' ? 'Add' : 'Copy', source]);
      }
    }
  }

  private workdir(instruction: Instruction, report: Report): void {
    const [value] = this.expandAll(instruction, [argumentText(this.bk.context, instruction).trim()], report);
    if (!this.state.workdirSet) {
      const platform = this.stage.from.getPlatformFlag()?.getValue() ?? '';
      // BuildKit takes the OS from the resolved base image; without it, a Windows base image is known by name.
      const windows = platform.toLowerCase().startsWith('windows') || this.windowsBase;
      const normalised = windows ? value.replace(/^[A-Za-z]:/, '').replace(/\\/g, '/') : value;
      const absolute = normalised.startsWith('/') && !(windows && (value.startsWith('\\\\') || /^[A-Za-z]:$/.test(value)));
      if (!absolute) report('WorkdirRelativePath', instruction.getArgumentsRange() ?? undefined, [value]);
    }
    this.state.workdirSet = true;
  }

  private volume(instruction: Instruction, report: Report): void {
    const text = argumentText(this.bk.context, instruction).trim();
    this.expandAll(instruction, execStrings(text) ?? text.split(/\s+/), report);
  }

  private runMounts(instruction: Instruction, report: Report): void {
    const flags = (instruction as unknown as { getFlags?(): Flag[] }).getFlags?.() ?? [];
    const words = flags.filter((f) => f.getName() === 'mount').flatMap((f) => (f.getValue() ?? '').split(','));
    this.expandAll(instruction, words, report);
  }

  private expose(instruction: Instruction, report: Report): void {
    const text = argumentText(this.bk.context, instruction).trim();
    const words = text.split(/\s+/).map((w) => expandWord(w, this.lookup, this.bk.context.escapeChar).value)
      .flatMap((w) => w.split(/\s+/)).filter((w) => w !== '');
    for (const word of words) {
      const slash = word.lastIndexOf('/');
      const proto = slash >= 0 ? word.slice(slash + 1) : '';
      if (proto !== '' && !['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) continue;
      const range = wordRange(this.bk, instruction, word, this.occurrence(instruction, word));
      if (proto !== proto.toLowerCase()) {
        report('ExposeProtoCasing', range, [word], range ? [{
          title: `Write ${word.toLowerCase()}`, edits: [{ range, newText: word.toLowerCase() }], preferred: true,
        }] : undefined);
      }
      if (word.includes(':')) report('ExposeInvalidFormat', range, [word]);
    }
  }
}

type Report = (rule: string, range: LintRange | undefined, details: string[], fixes?: LintFix[]) => void;

/** The range of the nth `$NAME` / `${NAME` on the instruction's first line, when it is there. */
function variableRange(bk: BuildkitModel, instruction: Instruction, name: string, nth: number): LintRange | undefined {
  const { line, text, from } = firstLine(bk, instruction);
  const pattern = new RegExp(`\\$\\{?${name.replace(/[$*?@#!-]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g');
  pattern.lastIndex = from;
  let match: RegExpExecArray | null = null;
  for (let i = 0; i <= nth; i++) match = pattern.exec(text);
  if (!match) return undefined;
  return { start: { line, character: match.index }, end: { line, character: match.index + match[0].length } };
}

/** The range of the nth occurrence of a word among the instruction's arguments on its first line. */
function wordRange(bk: BuildkitModel, instruction: Instruction, word: string, nth: number): LintRange | undefined {
  const { line, text, from } = firstLine(bk, instruction);
  let at = from - 1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(word, at + 1);
    if (at < 0) return undefined;
  }
  return { start: { line, character: at }, end: { line, character: at + word.length } };
}

function firstLine(bk: BuildkitModel, instruction: Instruction): { line: number; text: string; from: number } {
  const line = instruction.getRange().start.line;
  const text = bk.context.document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
  const args = instruction.getArgumentsRange();
  const from = args && args.start.line === line ? args.start.character : instruction.getInstructionRange().end.character;
  return { line, text, from };
}

/** A property's value as written (quotes and escapes kept), which is what BuildKit expands. */
function rawValue(property: Property): string {
  return property.getUnescapedValue() ?? property.getValue() ?? '';
}

/** `ENV key value words` → `ENV key="value words"`, when the value holds nothing quoting would change. */
function legacyFix(property: Property): LintFix[] | undefined {
  const valueRange = property.getValueRange();
  const nameRange = property.getNameRange();
  const value = property.getValue();
  if (!valueRange || value === null || /["'\\\n`]/.test(value) || nameRange.end.line !== valueRange.start.line) return undefined;
  const newValue = /\s/.test(value) ? `"${value}"` : value;
  return [{ title: 'Use the key=value form', edits: [{ range: { start: nameRange.end, end: valueRange.end }, newText: `=${newValue}` }], preferred: true }];
}
