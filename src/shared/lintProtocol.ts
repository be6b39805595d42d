// The contract between the Dockerfile rule engine (src/server/rules) and its two callers: the language
// server and the dockside-lint command line. Plain data only, so both sides stay free of vscode.

export type LintSeverity = 'error' | 'warning' | 'info' | 'style';

/** Zero-based, like LSP. `character` counts UTF-16 code units. */
export interface LintPosition {
  line: number;
  character: number;
}

export interface LintRange {
  start: LintPosition;
  end: LintPosition;
}

/** A text edit that fixes a problem; applied by the editor's quick fix or by a future `--fix`. */
export interface LintEdit {
  range: LintRange;
  newText: string;
}

export interface LintFix {
  title: string;
  edits: LintEdit[];
  /** True when applying it is always safe (used to mark a preferred quick fix). */
  preferred?: boolean;
}

export interface LintProblem {
  /** The rule's own id, as users know it: DL3008, SC2086, UndefinedVar, ... */
  ruleId: string;
  source: 'hadolint' | 'buildkit' | 'shellcheck' | 'dockerfile-utils' | 'dockside' | 'compose-spec';
  severity: LintSeverity;
  message: string;
  range: LintRange;
  /** Other ids that mean the same thing; any of them in a pragma silences this problem. */
  aliases?: string[];
  fixes?: LintFix[];
  /** Where the rule is explained (a page shipped with the extension). */
  docsUrl?: string;
}

export interface LintOptions {
  /** Absolute path of the Dockerfile, when it is a file: used for .dockerignore and .hadolint.yaml lookups. */
  filePath?: string;
  /** Rule ids to skip entirely. */
  ignored?: string[];
  /** Per-rule severity overrides ("off" disables). */
  severityOverrides?: Record<string, LintSeverity | 'off'>;
  trustedRegistries?: string[];
  /** Path of a `shellcheck` binary; undefined means look on PATH, null means do not run ShellCheck. */
  shellcheckPath?: string | null;
  /** Path of a hadolint config file (the `dockside.dockerfile.lint.hadolintConfig` setting); default: look for
   * `.hadolint.yaml` / `.hadolint.yml` beside the Dockerfile and in its parent folders. */
  hadolintConfigPath?: string;
  /** Severities of dockerfile-utils' configurable checks (the `dockside.dockerfile.validation.*` settings,
   * e.g. `deprecatedMaintainer`): they apply to every problem that carries the check's id (DL4000 carries
   * `deprecatedMaintainer`), below per-rule overrides. */
  utilsCheckSeverities?: Record<string, LintSeverity | 'off'>;
  /** What the local engine knows of base images (platform, environment), for the checks that need it. */
  localImages?: LocalImageInfo[];
  /** Language of messages and docs links: 'zh-cn' (any 'zh*') or English (default). */
  locale?: string;
  /** URI of the extension's `docs/rules` folder, e.g. `file:///…/dockside/docs/rules`; `docsUrl` is
   * `<docsBaseUri>/<en|zh-cn>/<page>.md#<rule id>`. Without it, the path relative to the extension. */
  docsBaseUri?: string;
}

/** A local image as the engine describes it, keyed by the reference a FROM names (`repo:tag`). */
export interface LocalImageInfo {
  reference: string;
  os: string;
  architecture: string;
  /** `v7`, `v8`, … when the image has one. */
  variant?: string;
  env?: string[];
  /** True when the image config sets a `Shell`. */
  shell?: boolean;
}
