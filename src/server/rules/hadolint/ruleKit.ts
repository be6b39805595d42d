// What every hadolint rule function gets: the model, the context, and one way to report a finding on an
// item (its line is the item's line, as in hadolint; the range is finer when the rule knows better).
import { LintFix, LintRange } from '../../../shared/lintProtocol';
import { LintContext } from '../context/lintContext';
import { insertAfterWord } from '../context/runHelpers';
import { ModelCommand } from '../shell/commandModel';
import { DockerfileModel, Item, ShellInfo } from './model';

export class RuleKit {
  readonly model: DockerfileModel;

  constructor(readonly context: LintContext) {
    this.model = new DockerfileModel(context);
  }

  report(id: string, item: Item, range?: LintRange, details: string[] = [], fixes?: LintFix[]): void {
    const anchor = item.onbuild ?? item.instruction;
    if (!anchor) return;
    this.context.report(id, anchor, this.model.rangeOn(item, range), details, fixes);
  }

  /** Reports on a RUN, under the offending command when it is on the RUN's first line. */
  reportCommand(id: string, item: Item, shell: ShellInfo, command: ModelCommand | undefined, details: string[] = [],
    fixes?: LintFix[]): void {
    const anchor = item.onbuild ?? item.instruction;
    if (!anchor) return;
    this.context.report(id, anchor, this.model.commandRange(item, shell, command), details, fixes);
  }

  /** A fix inserting `text` after argument `argIndex` of a command, for shell-form RUNs outside ONBUILD. */
  insertAfterArg(shell: ShellInfo, item: Item, command: ModelCommand, argIndex: number, title: string, text: string,
    preferred = false): LintFix[] | undefined {
    const word = command.source.words[argIndex + 1];
    if (!shell.body || item.onbuild || !word) return undefined;
    return [{ title, edits: [insertAfterWord(this.context, shell.body, word, text)], preferred }];
  }
}

/** RUN items of a stream with their shell. */
export function* runsOf(kit: RuleKit, items: readonly Item[]): Generator<{ item: Item; shell: ShellInfo }> {
  for (const item of items) {
    if (item.keyword !== 'RUN') continue;
    const shell = kit.model.shell(item);
    if (shell) yield { item, shell };
  }
}
