// The flags, sources and destination of a COPY or ADD, in shell form or JSON form.
import { Instruction, JSONInstruction } from 'dockerfile-ast';
import { LintRange } from '../../../shared/lintProtocol';

export interface CopyPart {
  value: string;
  range: LintRange;
}

export interface CopyFlag extends CopyPart {
  name: string;
}

export interface CopyArguments {
  flags: CopyFlag[];
  sources: CopyPart[];
  destination?: CopyPart;
  /** `COPY <<EOF /file`: the source is inline text. */
  heredoc: boolean;
}

export function copyArguments(instruction: Instruction): CopyArguments | undefined {
  const withFlags = instruction as unknown as { getFlags?(): Array<{ getName(): string; getValue(): string | null; getRange(): LintRange }> };
  const flags: CopyFlag[] = (withFlags.getFlags?.() ?? []).map((f) => ({ name: f.getName(), value: f.getValue() ?? '', range: f.getRange() }));
  let parts: CopyPart[];
  const json = instruction instanceof JSONInstruction ? instruction.getJSONStrings() : [];
  if (json.length > 0) {
    parts = json.map((s) => ({ value: s.getJSONValue(), range: s.getRange() }));
  } else {
    parts = instruction.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() }));
  }
  if (parts.length === 0) return undefined;
  const heredoc = parts.some((p) => /^<<-?["']?[A-Za-z0-9_]/.test(p.value));
  return { flags, sources: parts.slice(0, -1), destination: parts[parts.length - 1], heredoc };
}
