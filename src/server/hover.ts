// Hover: our bilingual documentation on instruction keywords; everything else (flags, variables,
// directives) comes from the language service.
import { DockerfileParser, type Instruction, Onbuild } from 'dockerfile-ast';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { instructionHoverMarkdown } from './instructionDocs';

export function computeHover(
  service: DockerfileLanguageService,
  content: string,
  position: Position,
  language: string | undefined,
): Hover | null {
  const keyword = keywordAt(content, position);
  if (keyword) {
    const markdown = instructionHoverMarkdown(keyword.name, language);
    if (markdown) return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: keyword.range };
  }
  return service.computeHover(content, position);
}

function keywordAt(content: string, position: Position): { name: string; range: Range } | undefined {
  for (const instruction of DockerfileParser.parse(content).getInstructions()) {
    const candidates: Instruction[] = [instruction];
    const trigger = instruction instanceof Onbuild ? instruction.getTriggerInstruction() : null;
    if (trigger) candidates.push(trigger);
    for (const candidate of candidates) {
      const range = candidate.getInstructionRange();
      if (contains(range, position)) return { name: candidate.getKeyword(), range };
    }
  }
  return undefined;
}

function contains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
