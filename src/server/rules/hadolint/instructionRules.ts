// Rules about single instructions and their counts: DL3000 DL3002 DL3011 DL3012 DL3025 DL3043 DL3044
// DL3057 DL3066 DL4000 DL4003 DL4004.
import { Instruction, Property, PropertyInstruction } from 'dockerfile-ast';
import { LintFix } from '../../../shared/lintProtocol';
import { LintContext } from '../context/lintContext';
import { parseShell } from '../shell/shellParser';

const ONCE_PER_STAGE: Record<string, string> = { CMD: 'DL4003', ENTRYPOINT: 'DL4004', HEALTHCHECK: 'DL3012' };

export function checkInstructions(context: LintContext): void {
  for (const stage of context.stages) {
    const seen = new Map<string, number>();
    let lastUser: Instruction | undefined;
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      const ruleId = ONCE_PER_STAGE[keyword];
      if (ruleId) {
        const count = (seen.get(keyword) ?? 0) + 1;
        seen.set(keyword, count);
        if (count > 1) context.report(ruleId, instruction, instruction.getInstructionRange());
      }
      if (keyword === 'USER') lastUser = instruction;
    }
    if (stage === context.stages[context.stages.length - 1] && lastUser) checkLastUser(context, lastUser);
    if (stage === context.stages[context.stages.length - 1] && !seen.has('HEALTHCHECK')) {
      context.report('DL3057', stage.from, stage.from.getInstructionRange());
    }
  }
  for (const instruction of context.instructions) {
    switch (instruction.getKeyword()) {
      case 'WORKDIR': checkWorkdir(context, instruction); break;
      case 'EXPOSE': checkPortRange(context, instruction); break;
      case 'CMD':
      case 'ENTRYPOINT': checkJsonForm(context, instruction); break;
      case 'ONBUILD': checkOnbuild(context, instruction); break;
      case 'ENV': checkEnvSelfReference(context, instruction as PropertyInstruction); break;
      case 'USER': checkNumericUser(context, instruction); break;
      case 'MAINTAINER': checkMaintainer(context, instruction); break;
    }
  }
}

function checkLastUser(context: LintContext, user: Instruction): void {
  const name = (user.getArguments()[0]?.getValue() ?? '').split(':')[0];
  if (name === 'root' || name === '0') context.report('DL3002', user, user.getRange());
}

function checkWorkdir(context: LintContext, instruction: Instruction): void {
  const argument = instruction.getArguments()[0];
  if (!argument) return;
  const value = argument.getValue().replace(/^["']|["']$/g, '');
  if (value.startsWith('/') || value.startsWith('$') || /^[A-Za-z]:[\\/]?/.test(value) || value.startsWith('\\')) return;
  context.report('DL3000', instruction, argument.getRange());
}

function checkPortRange(context: LintContext, instruction: Instruction): void {
  for (const argument of instruction.getArguments()) {
    const value = argument.getValue();
    if (value.includes('$')) continue;
    const ports = value.split('/')[0].split(':').pop()?.split('-') ?? [];
    if (ports.some((p) => /^\d+$/.test(p) && Number(p) > 65535)) context.report('DL3011', instruction, argument.getRange());
  }
}

function checkJsonForm(context: LintContext, instruction: Instruction): void {
  const range = instruction.getArgumentsRange();
  const content = instruction.getRawArgumentsContent();
  if (!range || !content || content.trimStart().startsWith('[')) return;
  context.report('DL3025', instruction, range, [], jsonFormFix(content, range));
}

/** Converts `CMD a b c` to `CMD ["a", "b", "c"]` only when the words need no shell to mean the same. */
function jsonFormFix(content: string, range: NonNullable<ReturnType<Instruction['getArgumentsRange']>>): LintFix[] | undefined {
  if (/[\\\n]/.test(content)) return undefined;
  const script = parseShell(content);
  const command = script.commands[0];
  const simple = script.errors.length === 0 && script.commands.length === 1 && command.assignments.length === 0 &&
    command.redirects.length === 0 && command.words.every((w) => w.literal && !/[*?[~]/.test(w.value) || w.quoted && w.literal);
  if (!simple) return undefined;
  const json = `[${command.words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
  return [{ title: 'Convert to JSON (exec) form', edits: [{ range, newText: json }], preferred: true }];
}

function checkOnbuild(context: LintContext, instruction: Instruction): void {
  const trigger = (instruction.getArguments()[0]?.getValue() ?? '').toUpperCase();
  if (trigger === 'ONBUILD' || trigger === 'FROM' || trigger === 'MAINTAINER') {
    context.report('DL3043', instruction, instruction.getRange());
  }
}

function checkEnvSelfReference(context: LintContext, instruction: PropertyInstruction): void {
  const properties: Property[] = instruction.getProperties();
  const defined = new Set<string>();
  for (const property of properties) {
    const value = property.getValue() ?? '';
    for (const match of value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (defined.has(match[1]) && match[1] !== property.getName()) {
        context.report('DL3044', instruction, property.getRange(), [match[1]]);
        break;
      }
    }
    defined.add(property.getName());
  }
}

function checkNumericUser(context: LintContext, instruction: Instruction): void {
  const argument = instruction.getArguments()[0];
  if (!argument) return;
  const user = argument.getValue().split(':')[0];
  if (/^\d+$/.test(user) || user.includes('$') || user === 'root') return;
  context.report('DL3066', instruction, argument.getRange(), [user]);
}

function checkMaintainer(context: LintContext, instruction: Instruction): void {
  const content = (instruction.getArgumentsContent() ?? '').trim();
  const fix: LintFix = {
    title: 'Replace MAINTAINER with LABEL maintainer',
    edits: [{ range: instruction.getRange(), newText: `LABEL maintainer=${JSON.stringify(content)}` }],
    preferred: true,
  };
  context.report('DL4000', instruction, instruction.getRange(), [], content && !content.includes('\n') ? [fix] : undefined);
}
