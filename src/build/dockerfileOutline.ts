// What the Build command needs from a Dockerfile: its instructions with their lines, its stages (targets
// to offer) and its ARGs (build args to offer). Line continuations, comments and the escape directive are
// honoured; heredoc bodies are skipped. Pure: no vscode.

export interface DockerfileInstruction {
  readonly keyword: string;
  /** The arguments with continuations joined by a space, as the classic builder prints the step. */
  readonly args: string;
  /** 0-based lines the instruction spans. */
  readonly startLine: number;
  readonly endLine: number;
  /** Index of the stage it belongs to; -1 for ARGs before the first FROM. */
  readonly stage: number;
}

export interface DockerfileStage {
  readonly index: number;
  readonly name?: string;
  readonly line: number;
}

export interface DockerfileArg {
  readonly name: string;
  readonly defaultValue?: string;
  readonly line: number;
}

export interface DockerfileOutline {
  readonly instructions: readonly DockerfileInstruction[];
  readonly stages: readonly DockerfileStage[];
  readonly args: readonly DockerfileArg[];
}

export function outlineDockerfile(text: string): DockerfileOutline {
  const lines = text.split(/\r?\n/);
  const escapeDirective = /^#\s*escape\s*=\s*`/im.exec(lines.slice(0, 5).join('\n'));
  const escape = escapeDirective ? '`' : '\\';
  const instructions: DockerfileInstruction[] = [];
  const stages: DockerfileStage[] = [];
  const args: DockerfileArg[] = [];
  let stage = -1;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].trim();
    if (!first || first.startsWith('#')) continue;
    const start = i;
    const parts: string[] = [];
    let line = lines[i];
    for (;;) {
      const trimmed = line.replace(/\s+$/, '');
      const continues = trimmed.endsWith(escape);
      parts.push(continues ? trimmed.slice(0, -1) : trimmed);
      if (!continues) break;
      // Comment and blank lines inside a continuation are dropped; they do not end the instruction.
      while (i + 1 < lines.length && (/^\s*#/.test(lines[i + 1]) || !lines[i + 1].trim())) i++;
      if (i + 1 >= lines.length) break;
      line = lines[++i];
    }
    const joined = parts.map((p) => p.trim()).filter(Boolean).join(' ');
    const m = /^(\w+)\s*(.*)$/s.exec(joined);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    const rest = m[2];
    const heredoc = /<<-?\s*["']?(\w+)["']?/.exec(rest);
    if (heredoc && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD')) {
      while (i + 1 < lines.length && lines[i + 1].trim() !== heredoc[1]) i++;
      if (i + 1 < lines.length) i++;
    }
    if (keyword === 'FROM') {
      stage++;
      const named = /\s+AS\s+(\S+)\s*$/i.exec(rest);
      stages.push({ index: stage, name: named?.[1], line: start });
    }
    if (keyword === 'ARG') {
      for (const declaration of rest.split(/\s+/).filter(Boolean)) {
        const eq = declaration.indexOf('=');
        const name = eq < 0 ? declaration : declaration.slice(0, eq);
        const value = eq < 0 ? undefined : declaration.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2');
        if (!args.some((a) => a.name === name)) args.push({ name, defaultValue: value, line: start });
      }
    }
    instructions.push({ keyword, args: rest, startLine: start, endLine: i, stage });
  }
  return { instructions, stages, args };
}

export interface FailureLocation {
  readonly instruction?: string;
  readonly stepNumber?: number;
  readonly stage?: string;
}

/**
 * The instruction a failed build points at. The instruction text wins when it matches one instruction
 * (the classic builder prints it unexpanded); otherwise the step number: within the named stage for
 * BuildKit ("[runtime 3/5]", FROM is 1), over the whole file for the classic builder ("Step 3/9").
 */
export function locateFailure(outline: DockerfileOutline, failure: FailureLocation, builder: 'classic' | 'buildkit'): DockerfileInstruction | undefined {
  const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (failure.instruction) {
    const wanted = normalise(failure.instruction);
    const byText = outline.instructions.filter((ins) => normalise(`${ins.keyword} ${ins.args}`) === wanted);
    if (byText.length === 1) return byText[0];
  }
  if (failure.stepNumber === undefined) return undefined;
  if (builder === 'classic') return outline.instructions[failure.stepNumber - 1];
  const stage = resolveStage(outline, failure.stage);
  if (stage === undefined) return undefined;
  return outline.instructions.filter((ins) => ins.stage === stage)[failure.stepNumber - 1];
}

function resolveStage(outline: DockerfileOutline, stage: string | undefined): number | undefined {
  if (stage === undefined) return outline.stages.length === 1 ? 0 : undefined;
  const numbered = /^stage-(\d+)$/.exec(stage);
  if (numbered) return Number(numbered[1]);
  return outline.stages.find((s) => s.name?.toLowerCase() === stage.toLowerCase())?.index;
}
