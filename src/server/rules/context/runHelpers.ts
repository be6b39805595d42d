// Shared reading of RUN instructions for the rule families: the invocations of a body (computed once per
// body) and the cache mounts that make cleanup rules moot.
import { Instruction, Run } from 'dockerfile-ast';
import { LintEdit } from '../../../shared/lintProtocol';
import { Invocation, invocationOf } from '../shell/invocation';
import { ShellWord } from '../shell/shellSyntax';
import { LintContext } from './lintContext';
import { RunBody } from './runBody';

const invocationCache = new WeakMap<RunBody, Invocation[]>();

export function invocationsIn(body: RunBody): Invocation[] {
  let list = invocationCache.get(body);
  if (!list) {
    list = [];
    for (const command of body.script.commands) {
      const invocation = invocationOf(command);
      if (invocation) list.push(invocation);
    }
    invocationCache.set(body, list);
  }
  return list;
}

/** Targets of `--mount=type=cache,target=...` on a RUN: a cache there needs no cleanup. */
export function cacheMountTargets(instruction: Instruction): string[] {
  if (!(instruction instanceof Run)) return [];
  const targets: string[] = [];
  for (const flag of instruction.getFlags()) {
    if (flag.getName() !== 'mount') continue;
    const options = new Map(flag.getOptions().map((o) => [o.getName(), o.getValue() ?? '']));
    if (options.get('type') === 'cache') {
      const target = options.get('target') ?? options.get('dst') ?? options.get('destination');
      if (target) targets.push(target);
    }
  }
  return targets;
}

export function hasCacheMount(instruction: Instruction, pathPrefix: string): boolean {
  return cacheMountTargets(instruction).some((t) => t.startsWith(pathPrefix) || pathPrefix.startsWith(t));
}

/** An edit inserting `text` right after a word of a RUN body. */
export function insertAfterWord(context: LintContext, body: RunBody, word: ShellWord, text: string): LintEdit {
  const position = context.scriptRange(body, word.start, word.end).end;
  return { range: { start: position, end: position }, newText: text };
}
