// BuildKit's variable checks: UndefinedVar, UndefinedArgInFrom, InvalidDefaultArgInFrom.
import { Instruction, PropertyInstruction, Variable } from 'dockerfile-ast';
import { LintContext, Stage } from '../context/lintContext';

// Build arguments BuildKit defines by itself, and variables every Linux image environment has.
const PREDEFINED = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS',
  'BUILDARCH', 'BUILDVARIANT', 'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy',
  'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy', 'PATH', 'HOME', 'HOSTNAME', 'BUILDKIT_SYNTAX',
  'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'SOURCE_DATE_EPOCH']);
// Instructions whose arguments the builder expands (RUN, CMD and ENTRYPOINT are left to the shell).
const EXPANDING = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);

export function checkVariables(context: LintContext): void {
  const globalArgs = new Map<string, string | null>();
  for (const instruction of context.instructions) {
    if (instruction.getKeyword() === 'FROM') break;
    if (instruction.getKeyword() !== 'ARG') continue;
    for (const property of (instruction as PropertyInstruction).getProperties()) {
      globalArgs.set(property.getName(), property.getValue());
    }
  }
  for (const stage of context.stages) {
    checkFromArgs(context, stage, globalArgs);
    checkStageVariables(context, stage, globalArgs);
  }
}

function hasDefaultModifier(variable: Variable): boolean {
  const modifier = variable.getModifier();
  return modifier === '-' || modifier === '+' || modifier === '?' || modifier === '=';
}

function checkFromArgs(context: LintContext, stage: Stage, globalArgs: Map<string, string | null>): void {
  const from = stage.from;
  const imageRange = from.getImageRange();
  const variables = from.getVariables();
  let allDeclared = true;
  for (const variable of variables) {
    const name = variable.getName();
    if (globalArgs.has(name) || PREDEFINED.has(name) || hasDefaultModifier(variable)) continue;
    allDeclared = false;
    context.report('UndefinedArgInFrom', from, variable.getNameRange(), [name]);
  }
  const image = from.getImage();
  if (!allDeclared || !image || !imageRange || variables.length === 0) return;
  const resolved = image.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+][^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced, modifier, bare) => {
    const name = braced ?? bare;
    const value = globalArgs.get(name) ?? '';
    if (modifier?.replace(':', '').startsWith('-') && value === '') return modifier.replace(/^:?-/, '');
    return value.replace(/^["']|["']$/g, '');
  });
  const platformOnly = variables.every((v) => PREDEFINED.has(v.getName()));
  if (!platformOnly && (resolved === '' || /[:@]$/.test(resolved) || resolved.startsWith(':') || /\s/.test(resolved))) {
    context.report('InvalidDefaultArgInFrom', from, imageRange, [variables.map((v) => v.getName()).join(', ')]);
  }
}

/** The stage this one builds on, following `FROM <stage>` chains; undefined when an external image. */
function baseStage(context: LintContext, stage: Stage): Stage | undefined {
  return context.parentStage(stage);
}

/** True when every variable of the environment is visible here: the chain of stages starts at scratch. */
function environmentFullyKnown(context: LintContext, stage: Stage): boolean {
  const parent = baseStage(context, stage);
  if (parent) return environmentFullyKnown(context, parent);
  return stage.from.getImageName() === 'scratch';
}

/** Computed once per stage (a stage's chain is walked by every stage built on it: quadratic otherwise). */
const inheritedEnvCache = new WeakMap<Stage, Set<string>>();

function inheritedEnv(context: LintContext, stage: Stage): Set<string> {
  const cached = inheritedEnvCache.get(stage);
  if (cached) return new Set(cached);
  const names = new Set<string>();
  const parent = baseStage(context, stage);
  if (parent) {
    for (const name of inheritedEnv(context, parent)) names.add(name);
    for (const instruction of parent.instructions) {
      if (instruction.getKeyword() !== 'ENV') continue;
      for (const property of (instruction as PropertyInstruction).getProperties()) names.add(property.getName());
    }
  }
  inheritedEnvCache.set(stage, names);
  return new Set(names);
}

function checkStageVariables(context: LintContext, stage: Stage, globalArgs: Map<string, string | null>): void {
  const defined = inheritedEnv(context, stage);
  const fullyKnown = environmentFullyKnown(context, stage);
  const definedAnywhere = definedNames(context.instructions);
  for (const instruction of stage.instructions) {
    const keyword = instruction.getKeyword();
    if (EXPANDING.has(keyword)) {
      for (const variable of instruction.getVariables()) {
        const name = variable.getName();
        if (defined.has(name) || PREDEFINED.has(name) || hasDefaultModifier(variable) || name === '') continue;
        // With an external base image its environment is unknown here: only a name this file defines
        // elsewhere (later, or in another stage, or as a global ARG not redeclared) is surely undefined.
        if (!fullyKnown && !definedAnywhere.has(name) && !globalArgs.has(name)) continue;
        context.report('UndefinedVar', instruction, variable.getNameRange(), [name]);
      }
    }
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const property of (instruction as PropertyInstruction).getProperties()) defined.add(property.getName());
    }
  }
}

function definedNames(instructions: Instruction[]): Set<string> {
  const names = new Set<string>();
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'ARG' && keyword !== 'ENV') continue;
    for (const property of (instruction as PropertyInstruction).getProperties()) names.add(property.getName());
  }
  return names;
}
