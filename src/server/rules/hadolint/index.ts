// hadolint's rules (2.15.1) with hadolint's semantics: one model of the file, the RUN rules over the file
// and over its ONBUILD triggers (a FROM-less stream of their own), then the instruction and stage rules.
import { LintContext } from '../context/lintContext';
import { checkCopies } from './copyRules';
import { checkInstructions } from './instructionRules';
import { checkLabels } from './labelRules';
import { RuleKit } from './ruleKit';
import { runStream } from './runStream';
import { checkStages } from './stageRules';

export function checkHadolintRules(context: LintContext): void {
  const kit = new RuleKit(context);
  runStream(kit, kit.model.items, false);
  runStream(kit, kit.model.onbuildItems, true);
  checkStages(kit);
  checkCopies(kit);
  checkInstructions(kit);
  checkLabels(kit);
}
