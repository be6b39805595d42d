// dockerfile-utils' check for JSON written in single quotes (`CMD ['a']`) builds the whole argument text of
// every CMD, ENTRYPOINT, RUN and VOLUME first (character by character over each continuation line), and then
// stops at its first character unless that is `[`. On long RUN instructions that text was an eighth of a lint
// run. Its argument text begins where the first argument begins, so an instruction whose first argument
// does not start with `[` is left out before the text is built; every other one gets the original check.
// Patched on the prototype, as rules/context/sharedParse.ts patches dockerfile-ast, so every Validator
// in the process (the language server's and the command line's) has it.
import type { Instruction } from 'dockerfile-ast';
import { Validator } from 'dockerfile-utils/lib/dockerValidator';
import type { TextDocument } from 'vscode-languageserver-textdocument';

type CheckJsonQuotes = ((instruction: Instruction, problems: unknown[]) => void) & { bracketsFirst?: true };

const prototype = Validator.prototype as unknown as { checkJSONQuotes: CheckJsonQuotes };
const originalCheck = prototype.checkJSONQuotes;

function checkJsonQuotesOfBrackets(this: Validator, instruction: Instruction, problems: unknown[]): void {
  const first = instruction.getArguments()[0];
  if (!first) return;
  // The instruction's document (a protected field of dockerfile-ast's Line): the character the argument text
  // starts with, as written (an argument's value has its escapes resolved).
  const document = (instruction as unknown as { document: TextDocument }).document;
  if (document.getText().charAt(document.offsetAt(first.getRange().start)) !== '[') return;
  originalCheck.call(this, instruction, problems);
}
checkJsonQuotesOfBrackets.bracketsFirst = true as const;

if (typeof originalCheck === 'function' && !originalCheck.bracketsFirst) prototype.checkJSONQuotes = checkJsonQuotesOfBrackets;
