// The `dockside.dockerfile.*` settings, typed in one place. The server pulls them per document (so folder
// settings apply) and the command line uses the defaults; both read them through `readSettings`.
import { ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import type { LintOptions, LintSeverity } from '../shared/lintProtocol';

/** The nine checks dockerfile-utils lets users tune, in the order the manifest lists them. */
export const configurableChecks = [
  'deprecatedMaintainer',
  'directiveCasing',
  'emptyContinuationLine',
  'instructionCasing',
  'instructionCmdMultiple',
  'instructionEntrypointMultiple',
  'instructionHealthcheckMultiple',
  'instructionJSONInSingleQuotes',
  'instructionWorkdirRelative',
] as const satisfies readonly (keyof ValidatorSettings)[];

export interface DockerfileSettings {
  validation: { enable: boolean; checks: ValidatorSettings };
  lint: { enable: boolean; options: Omit<LintOptions, 'filePath'> };
  format: { ignoreMultilineInstructions: boolean };
}

const severityByName: Record<string, ValidationSeverity> = {
  ignore: ValidationSeverity.IGNORE,
  warning: ValidationSeverity.WARNING,
  error: ValidationSeverity.ERROR,
};

/**
 * Defaults: where hadolint has the same check, its severity (DL4000, DL3000, DL4004 and DL3012 are errors),
 * so the setting, the editor and the command line agree on one severity for the problem.
 */
export const checkDefaults: Readonly<Record<(typeof configurableChecks)[number], 'warning' | 'error'>> = {
  deprecatedMaintainer: 'error',
  directiveCasing: 'warning',
  emptyContinuationLine: 'warning',
  instructionCasing: 'warning',
  instructionCmdMultiple: 'warning',
  instructionEntrypointMultiple: 'error',
  instructionHealthcheckMultiple: 'error',
  instructionJSONInSingleQuotes: 'warning',
  instructionWorkdirRelative: 'error',
};

const lintSeverities = new Set<LintSeverity | 'off'>(['error', 'warning', 'info', 'style', 'off']);

export function defaultSettings(): DockerfileSettings {
  return readSettings(undefined);
}

/** Tolerant: a value of the wrong type falls back to its default instead of breaking validation. */
export function readSettings(raw: unknown): DockerfileSettings {
  const root = asRecord(raw);
  const validation = asRecord(root.validation);
  const lint = asRecord(root.lint);
  const format = asRecord(root.format);

  const checks: ValidatorSettings = {};
  // The same severities apply to the rule engine's problems that carry the check's id (DL4000 carries
  // `deprecatedMaintainer`): one setting, one severity, whichever rule set reports the problem.
  const utilsCheckSeverities: Record<string, LintSeverity | 'off'> = {};
  for (const check of configurableChecks) {
    const value = validation[check];
    const name = typeof value === 'string' && value in severityByName ? value : checkDefaults[check];
    checks[check] = severityByName[name];
    utilsCheckSeverities[check] = name === 'ignore' ? 'off' : name as LintSeverity;
  }

  const severityOverrides: Record<string, LintSeverity | 'off'> = {};
  for (const [ruleId, severity] of Object.entries(asRecord(lint.severityOverrides))) {
    if (typeof severity === 'string' && lintSeverities.has(severity as LintSeverity)) {
      severityOverrides[ruleId] = severity as LintSeverity | 'off';
    }
  }
  const shellcheckPath = lint.shellcheckPath;

  return {
    validation: { enable: validation.enable !== false, checks },
    lint: {
      enable: lint.enable !== false,
      options: {
        ignored: asStrings(lint.ignoredRules),
        severityOverrides,
        trustedRegistries: asStrings(lint.trustedRegistries),
        // An empty path means "look on PATH"; `lint.shellcheck: false` turns ShellCheck off.
        // An untrusted workspace (Restricted Mode) runs no external program: pure in-process rules only.
        shellcheckPath: lint.shellcheck === false || root.workspaceTrusted === false ? null : typeof shellcheckPath === 'string' && shellcheckPath ? shellcheckPath : undefined,
        hadolintConfigPath: typeof lint.hadolintConfig === 'string' && lint.hadolintConfig ? lint.hadolintConfig : undefined,
        utilsCheckSeverities,
      },
    },
    format: { ignoreMultilineInstructions: format.ignoreMultilineInstructions === true },
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length > 0) : [];
}
