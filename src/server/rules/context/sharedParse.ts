// Parsing is most of the cost of validating a Dockerfile, so it is done once per text for everything in
// the process that uses dockerfile-ast (dockerfile-utils' validate, the language service, the rules):
// - DockerfileParser.parse remembers the last text's tree. The language server runs validate and then the
//   rules on the same text; the second parse is free. Trees are only read after parsing, so sharing is safe.
// - Instruction#getRawArguments re-tokenizes the instruction on every call, and nearly every accessor
//   (getArguments, getFlags, getImage, getArgumentsRange...) calls it. Tokens are cached per instruction in
//   a WeakMap on the prototype (patching instances would make V8's call sites megamorphic). Callers mutate
//   what they get (ModifiableInstruction shifts flags off the array, From.getRegistryRange moves a range's
//   end), so each call returns fresh copies.
// Together they keep full validation within 1.5x of dockerfile-utils alone (see test/bench/rules.ts).
import { Argument, Dockerfile, DockerfileParser, Instruction } from 'dockerfile-ast';

type Parse = (content: string) => Dockerfile;

const parser = DockerfileParser as unknown as { parse: Parse & { shared?: true } };
const originalParse: Parse = parser.parse;
let lastText: string | undefined;
let lastTree: Dockerfile | undefined;

function sharedParse(content: string): Dockerfile {
  if (content !== lastText || !lastTree) {
    lastTree = originalParse(content);
    lastText = content;
  }
  return lastTree;
}
sharedParse.shared = true as const;

const prototype = Instruction.prototype as unknown as { getRawArguments: (() => Argument[]) & { cached?: true } };
const originalRawArguments = prototype.getRawArguments;
const tokens = new WeakMap<object, Argument[]>();

function cachedRawArguments(this: Instruction): Argument[] {
  let args = tokens.get(this);
  if (!args) {
    args = originalRawArguments.call(this);
    tokens.set(this, args);
  }
  return args.map((argument) => {
    const { start, end } = argument.getRange();
    return new Argument(argument.getValue(), { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } });
  });
}
cachedRawArguments.cached = true as const;

if (!parser.parse.shared) parser.parse = sharedParse;
if (!prototype.getRawArguments.cached) prototype.getRawArguments = cachedRawArguments;

export function parseDockerfile(text: string): Dockerfile {
  return parser.parse(text);
}
