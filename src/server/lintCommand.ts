// dockside-lint: the editor's Dockerfile diagnostics on the command line. Exit codes: 0 nothing at or above
// the failure threshold, 1 something is, 2 the command was used wrongly (bad option, unreadable file),
// 3 the analysis of a file was incomplete (a parser or rule failed on it; what was found is still reported).
// All files are linted together: ShellCheck checks the RUN bodies of all files in a few processes at once,
// while the pure rules go on with the next files.
import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LintSeverity } from '../shared/lintProtocol';
import { findHadolintConfig } from './rules';
import { formatGnu, formatJson, formatTty, reportFormats, type FileReport, type ReportFormat } from './cliReports';
import { formatSarif } from './sarif';
import { defaultSettings } from './settings';
import { incompleteRuleId } from './incomplete';
import { lintDockerfilesConcurrently } from './validate';
import { diskFiles } from './compose/composeFiles';
import { isComposeFileName } from './compose/composeFileNames';
import type { lintCompose as LintCompose } from './compose/validateCompose';

export interface CommandIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): string;
  /** True when stdout is a terminal that shows colours. */
  color: boolean;
  version?: string;
  /** Language of the rules' messages, from the terminal's locale. */
  locale?: string;
  /** The installed docs/rules folder, for the rules' documentation links. */
  docsBaseUri?: string;
}

const thresholds = ['error', 'warning', 'info', 'style', 'none'] as const;
type Threshold = (typeof thresholds)[number];
const rank: Record<LintSeverity, number> = { style: 0, info: 1, warning: 2, error: 3 };

class UsageError extends Error {}

export function usage(): string {
  // Option syntax stays as typed; only the explanations are translated.
  const options: [string, string][] = [
    ['-f, --format <tty|json|sarif|gnu>', l10n.t('output format (default: tty)')],
    ['-t, --failure-threshold <level>', l10n.t('exit with 1 when a problem is at least this severe: error, warning, info (default), style or none')],
    ['-c, --config <file>', l10n.t('hadolint configuration file (default: .hadolint.yaml beside the Dockerfile or above)')],
    ['    --ignore <rule[,rule...]>', l10n.t('skip these rules (repeatable)')],
    ['    --compose', l10n.t('lint the files as compose files (compose.yaml, docker-compose.yml, … are recognised by name)')],
    ['    --no-color', l10n.t('plain text output')],
    ['-h, --help', l10n.t('show this help')],
    ['-v, --version', l10n.t('show the version')],
  ];
  return [
    `${l10n.t('Usage:')} dockside-lint [options] <Dockerfile|compose.yaml...>`,
    l10n.t('Lints Dockerfiles like the editor does. Use - to read standard input.'),
    '',
    ...options.map(([syntax, meaning]) => `  ${syntax.padEnd(38)}${meaning}`),
    '',
    l10n.t('Exit codes: 0 no problem at or above the threshold, 1 some problem is, 2 wrong usage, 3 the analysis of a file was incomplete.'),
    '',
  ].join('\n');
}

export async function runLintCommand(args: readonly string[], io: CommandIo): Promise<number> {
  try {
    return await lintFiles(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`dockside-lint: ${error.message}\n${l10n.t('Run dockside-lint --help for usage.')}\n`);
    return 2;
  }
}

async function lintFiles(args: readonly string[], io: CommandIo): Promise<number> {
  const options = parseOptions(args);
  if (options.help) {
    io.stdout(usage());
    return 0;
  }
  if (options.version) {
    io.stdout(`${io.version ?? 'unknown'}\n`);
    return 0;
  }

  const settings = defaultSettings();
  settings.lint.options.ignored = options.ignored;
  if (options.config) settings.lint.options.hadolintConfigPath = resolve(io.cwd, options.config);
  const failures: string[] = [];
  const isCompose = (file: string) => options.compose || (file !== '-' && isComposeFileName(file));
  // The compose linter (YAML parser, the specification's model) is loaded only when a compose file is given:
  // most runs lint Dockerfiles only, and loading it is a part of every run's start-up.
  const lintCompose: typeof LintCompose | undefined = options.files.some(isCompose)
    ? (await import('./compose/validateCompose')).lintCompose
    : undefined;
  const inputs = options.files.map((file) => {
    const filePath = file === '-' ? undefined : resolve(io.cwd, file);
    const text = file === '-' ? io.readStdin() : readText(filePath!, file);
    if (lintCompose && isCompose(file)) {
      const docsBaseUri = io.docsBaseUri?.replace(/\/rules\/?$/, '/compose');
      return { file, threshold: options.threshold ?? 'info', problems: lintCompose({ text, files: filePath ? diskFiles(filePath) : undefined, ignored: options.ignored, docsBaseUri }) };
    }
    // As with hadolint: the option wins, else the file's .hadolint.yaml `failure-threshold`, else info.
    const configured = findHadolintConfig(filePath ?? resolve(io.cwd, 'Dockerfile'), settings.lint.options.hadolintConfigPath).failureThreshold;
    const threshold = options.threshold ?? configured ?? 'info';
    const onRuleEngineError = (error: unknown) => failures.push(`${file}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return { file, threshold, request: { text, settings, filePath, locale: io.locale, docsBaseUri: io.docsBaseUri, onRuleEngineError } };
  });
  // Dockerfiles are linted together (ShellCheck processes over many files' RUN bodies, beside the pure rules);
  // compose files were linted above.
  const dockerfiles = inputs.flatMap((input) => ('request' in input && input.request ? [input.request] : []));
  const results = await lintDockerfilesConcurrently(dockerfiles);
  let next = 0;
  const reports: (FileReport & { threshold: Threshold })[] = inputs.map((input) => ({
    file: input.file, threshold: input.threshold, problems: 'problems' in input && input.problems ? input.problems : results[next++],
  }));

  io.stdout(render(reports, options.format, { ...io, color: io.color && options.color }));
  const incomplete = reports.filter(({ problems }) => problems.some((problem) => problem.ruleId === incompleteRuleId));
  if (incomplete.length > 0) {
    io.stderr(`dockside-lint: ${l10n.t('the analysis of {0} is incomplete; the problems found are reported above.', incomplete.map((r) => r.file).join(', '))}\n`);
    for (const failure of failures) io.stderr(`${failure}\n`);
    return 3;
  }
  const fails = ({ problems, threshold }: (typeof reports)[number]) =>
    threshold !== 'none' && problems.some((problem) => rank[problem.severity] >= rank[threshold]);
  return reports.some(fails) ? 1 : 0;
}

interface ParsedOptions {
  files: string[];
  format: ReportFormat;
  /** Undefined: take it from .hadolint.yaml, else info. */
  threshold?: Threshold;
  ignored: string[];
  config?: string;
  help: boolean;
  version: boolean;
  /** False with --no-color; colour also needs a terminal. */
  color: boolean;
  /** --compose: every file (and stdin) is a compose file, whatever its name. */
  compose: boolean;
}

function parseOptions(args: readonly string[]): ParsedOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'tty' },
        'failure-threshold': { type: 'string', short: 't' },
        ignore: { type: 'string', multiple: true, default: [] },
        config: { type: 'string', short: 'c' },
        'no-color': { type: 'boolean', default: false },
        compose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const format = values.format as ReportFormat;
  if (!reportFormats.includes(format)) {
    throw new UsageError(l10n.t('unknown format "{0}"; expected one of: {1}', format, reportFormats.join(', ')));
  }
  const threshold = values['failure-threshold'] as Threshold | undefined;
  if (threshold !== undefined && !thresholds.includes(threshold)) {
    throw new UsageError(l10n.t('unknown failure threshold "{0}"; expected one of: {1}', threshold, thresholds.join(', ')));
  }
  const help = values.help === true;
  const version = values.version === true;
  if (positionals.length === 0 && !help && !version) throw new UsageError(l10n.t('no Dockerfile given'));
  return {
    files: positionals,
    format,
    threshold,
    ignored: (values.ignore ?? []).flatMap((list) => list.split(',')).map((id) => id.trim()).filter(Boolean),
    config: values.config,
    help,
    version,
    color: values['no-color'] !== true,
    compose: values.compose === true,
  };
}

function readText(filePath: string, shownAs: string): string {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(l10n.t('cannot read {0} ({1})', shownAs, reason));
  }
}

function render(reports: FileReport[], format: ReportFormat, io: CommandIo): string {
  switch (format) {
    case 'json': return formatJson(reports);
    case 'gnu': return formatGnu(reports);
    case 'sarif': return formatSarif(reports, { name: 'dockside-lint', version: io.version });
    case 'tty': return formatTty(reports, io.color);
  }
}
