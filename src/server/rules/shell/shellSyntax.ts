// The shapes the shell parser produces. Rules need the simple commands of a script with their words
// (quotes removed, expansions kept), where each came from, and how commands are joined (pipes, &&).

export interface ShellWord {
  /** Source text of the word, quotes and all. */
  raw: string;
  /** The word after quote removal; expansions ($X, $(..), `..`) stay as written. */
  value: string;
  /** True when the word holds no expansion, so `value` is exactly what the command receives. */
  literal: boolean;
  /** True when any part of the word was quoted. */
  quoted: boolean;
  /** Offsets into the parsed script text, end exclusive. */
  start: number;
  end: number;
}

export interface ShellRedirect {
  operator: string;
  target?: ShellWord;
  /** For `<<` / `<<-`: the body of the here-document. */
  heredocBody?: string;
}

export interface SimpleCommand {
  /** Command name and arguments; assignments before the name are in `assignments`. */
  words: ShellWord[];
  assignments: ShellWord[];
  redirects: ShellRedirect[];
  start: number;
  end: number;
  /** Position in its pipeline and the pipeline's length (1 when not piped). */
  pipelineIndex: number;
  pipelineLength: number;
  /** Inside `( )`, `$( )` or backticks: a `cd` there does not leak out. */
  inSubshell: boolean;
  /** Inside `if`/`while`/`for`/`case`/functions or after `||`: not certain to run. */
  conditional: boolean;
  /** Parsed out of a `sh -c "..."` argument (see nestedShell.ts), not a command of the script itself. */
  nested?: true;
}

export interface ShellParseError {
  message: string;
  offset: number;
}

export interface ShellScript {
  text: string;
  /** Every simple command in source order, including those nested in compounds and substitutions. */
  commands: SimpleCommand[];
  errors: ShellParseError[];
}
