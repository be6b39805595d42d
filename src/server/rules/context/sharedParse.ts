// Parsing is most of the cost of validating a Dockerfile, so it is done once per text for everything in
// the process that uses dockerfile-ast (dockerfile-utils' validate, the language service, the rules):
// - DockerfileParser.parse remembers the last text's tree. The language server runs validate and then the
//   rules on the same text; the second parse is free. Trees are only read after parsing, so sharing is safe.
// - Instruction#getRawArguments re-tokenizes the instruction on every call, and nearly every accessor
//   (getArguments, getFlags, getImage, getArgumentsRange...) calls it. Tokens are cached per instruction in
//   a WeakMap on the prototype (patching instances would make V8's call sites megamorphic). Callers mutate
//   what they get (ModifiableInstruction shifts flags off the array, From.getRegistryRange moves a range's
//   end), so each call returns fresh arguments and ranges; positions are only ever replaced, never changed.
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
// Read once: in the bundle a named import of a CommonJS package is a getter, read on every use, and this
// runs for every token of every call (a few percent of a lint run went to that getter).
const ArgumentClass = Argument;

function cachedRawArguments(this: Instruction): Argument[] {
  let args = tokens.get(this);
  if (!args) {
    args = originalRawArguments.call(this);
    tokens.set(this, args);
  }
  const copies = new Array<Argument>(args.length);
  for (let i = 0; i < args.length; i++) {
    // A fresh range (From#getImageNameRange reassigns its start and end) over the cached positions: no
    // code here or in dockerfile-ast, dockerfile-utils or the language service changes a position's fields.
    const { start, end } = args[i].getRange();
    copies[i] = new ArgumentClass(args[i].getValue(), { start, end });
  }
  return copies;
}
cachedRawArguments.cached = true as const;

if (!parser.parse.shared) parser.parse = sharedParse;
if (!prototype.getRawArguments.cached) prototype.getRawArguments = cachedRawArguments;

export function parseDockerfile(text: string): Dockerfile {
  return parser.parse(text);
}

// Dockerfile#resolveVariable (behind every variable's getVariables/isBuildVariable, so behind semantic
// tokens, hover and the rules) walks every FROM and every stage for each variable: quadratic, 30 s of
// semantic tokens for 10,000 instructions in 1,007 stages. The same answer from an index of the stages
// built once per tree (trees are never changed after parsing).
interface DockerfileInternals {
  initialInstructions: ImageTemplateLike & { getARGs(): Instruction[]; getComments(): unknown[]; getInstructions(): Instruction[] };
  buildStages: ImageTemplateLike[];
  getFROMs(): Instruction[];
  getContainingImage(position: { line: number; character: number }): ImageTemplateLike | null;
}
interface ImageTemplateLike {
  resolveVariable(variable: string, line: number): string | null | undefined;
  getRange(): { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface StageIndex {
  fromLines: Array<[number, number]>;
  stages: Array<{ image: ImageTemplateLike; range: ReturnType<ImageTemplateLike['getRange']> }>;
  initialArgs: ImageTemplateLike;
}

const dockerfilePrototype = Object.getPrototypeOf(parser.parse('FROM scratch')) as {
  resolveVariable: ((variable: string, line: number) => string | null | undefined) & { indexed?: true };
  getContainingImage: DockerfileInternals['getContainingImage'] & { indexed?: true };
};
const originalContainingImage = dockerfilePrototype.getContainingImage;
const indexes = new WeakMap<object, StageIndex>();

function stageIndex(tree: DockerfileInternals): StageIndex {
  let index = indexes.get(tree);
  if (!index) {
    const initialArgs = new (Object.getPrototypeOf(tree.initialInstructions).constructor as new () => ImageTemplateLike & { addInstruction(i: Instruction): void })();
    for (const instruction of tree.initialInstructions.getARGs()) initialArgs.addInstruction(instruction);
    index = {
      fromLines: tree.getFROMs().map((from) => [from.getRange().start.line, from.getRange().end.line]),
      stages: tree.buildStages.map((image) => ({ image, range: image.getRange() })),
      initialArgs,
    };
    indexes.set(tree, index);
  }
  return index;
}

function indexedResolveVariable(this: DockerfileInternals, variable: string, line: number): string | null | undefined {
  const index = stageIndex(this);
  // In a FROM line, variables come from the ARGs before the first FROM (binary search: FROMs are in order).
  let low = 0;
  let high = index.fromLines.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = index.fromLines[middle];
    if (line < start) high = middle - 1;
    else if (line > end) low = middle + 1;
    else return index.initialArgs.resolveVariable(variable, line);
  }
  const image = this.getContainingImage({ line, character: 0 });
  if (image === null) return undefined;
  const resolved = image.resolveVariable(variable, line);
  return resolved === null ? index.initialArgs.resolveVariable(variable, line) : resolved;
}

type Position = { line: number; character: number };
const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** getContainingImage with the stage found by binary search; ranges of stages never overlap. */
function indexedContainingImage(this: DockerfileInternals, position: Position): ImageTemplateLike | null {
  const stages = stageIndex(this).stages;
  let low = 0;
  let high = stages.length - 1;
  let candidate = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (!before(position, stages[middle].range.start)) {
      candidate = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  // Before the first stage (the initial ARGs, or outside the text) and between stages: the original answers.
  if (candidate < 0 || before(stages[candidate].range.end, position)) return originalContainingImage.call(this, position);
  return stages[candidate].image;
}
indexedContainingImage.indexed = true as const;

indexedResolveVariable.indexed = true as const;

if (!dockerfilePrototype.resolveVariable.indexed) dockerfilePrototype.resolveVariable = indexedResolveVariable as never;
if (!dockerfilePrototype.getContainingImage.indexed) dockerfilePrototype.getContainingImage = indexedContainingImage as never;
