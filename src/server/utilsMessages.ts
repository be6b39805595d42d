// dockerfile-utils writes its messages in English only. Each one is matched back to its template and
// re-written through l10n, so Chinese users read them in Chinese (and English users get the same text).
import * as l10n from '@vscode/l10n';
import { Validator } from 'dockerfile-utils/lib/dockerValidator';

type Translate = (args: string[]) => string;

/** Keyed like dockerfile-utils' own message table; the English text is its template with {n} placeholders. */
const translations: Record<string, Translate> = {
  baseNameEmpty: (a) => l10n.t("base name ({0}) should not be blank", a[0]),
  directiveCasing: () => l10n.t("Parser directives should be written in lowercase letters"),
  directiveEscapeDuplicated: () => l10n.t("only one escape parser directive can be used"),
  directiveEscapeInvalid: (a) => l10n.t("invalid ESCAPE '{0}'. Must be ` or \\", a[0]),
  noSourceImage: () => l10n.t("No source image provided with `FROM`"),
  emptyContinuationLine: () => l10n.t("Empty continuation line"),
  fromRequiresOneOrThreeArguments: () => l10n.t("FROM requires either one or three arguments"),
  invalidAs: () => l10n.t("Second argument should be AS"),
  invalidPort: (a) => l10n.t("Invalid containerPort: {0}", a[0]),
  invalidProtocol: (a) => l10n.t("Invalid proto: {0}", a[0]),
  invalidReferenceFormat: () => l10n.t("invalid reference format"),
  invalidStopSignal: (a) => l10n.t("Invalid signal: {0}", a[0]),
  invalidSyntax: (a) => l10n.t("parsing \"{0}\": invalid syntax", a[0]),
  invalidDestination: (a) => l10n.t("When using {0} with more than one source file, the destination must be a directory and end with a / or a \\", a[0]),
  syntaxMissingEquals: (a) => l10n.t("Syntax error - can't find = in \"{0}\". Must be of the form: name=value", a[0]),
  syntaxMissingNames: (a) => l10n.t("{0} names cannot be blank", a[0]),
  syntaxMissingSingleQuote: (a) => l10n.t("failed to process \"{0}\": unexpected end of statement while looking for matching single-quote", a[0]),
  syntaxMissingDoubleQuote: (a) => l10n.t("failed to process \"{0}\": unexpected end of statement while looking for matching double-quote", a[0]),
  duplicateBuildStageName: (a) => l10n.t("duplicate name {0}", a[0]),
  invalidBuildStageName: (a) => l10n.t("invalid name for build stage: \"{0}\", name can't start with a number or contain symbols", a[0]),
  flagAtLeastOne: (a) => l10n.t("{0} must be at least 1 (not {1})", a[0], a[1]),
  flagDuplicate: (a) => l10n.t("Duplicate flag specified: {0}", a[0]),
  flagInvalidDuration: (a) => l10n.t("time: invalid duration {0}", a[0]),
  flagInvalidFrom: (a) => l10n.t("invalid from flag value {0}: invalid reference format", a[0]),
  flagExpectedBooleanValue: (a) => l10n.t("expecting boolean value for flag {0}, not: {1}", a[0], a[1]),
  flagLessThan1ms: (a) => l10n.t("Interval \"{0}\" cannot be less than 1ms", a[0]),
  flagMissingDuration: (a) => l10n.t("time: missing unit in duration {0}", a[0]),
  flagMissingValue: (a) => l10n.t("Missing a value on flag: {0}", a[0]),
  flagUnknown: (a) => l10n.t("Unknown flag: {0}", a[0]),
  flagUnknownUnit: (a) => l10n.t("time: unknown unit {0} in duration {1}", a[0], a[1]),
  instructionExtraArgument: () => l10n.t("Instruction has an extra argument"),
  instructionMissingArgument: () => l10n.t("Instruction has no arguments"),
  instructionMultiple: (a) => l10n.t("There can only be one {0} instruction in a Dockerfile or build stage. Only the last one will have an effect.", a[0]),
  instructionRequiresOneArgument: (a) => l10n.t("{0} requires exactly one argument", a[0]),
  instructionRequiresAtLeastOneArgument: (a) => l10n.t("{0} requires at least one argument", a[0]),
  instructionRequiresAtLeastTwoArguments: (a) => l10n.t("{0} requires at least two arguments", a[0]),
  instructionRequiresTwoArguments: (a) => l10n.t("{0} must have two arguments", a[0]),
  instructionUnnecessaryArgument: (a) => l10n.t("{0} takes no arguments", a[0]),
  instructionUnknown: (a) => l10n.t("Unknown instruction: {0}", a[0]),
  instructionCasing: () => l10n.t("Instructions should be written in uppercase letters"),
  instructionJSONInSingleQuotes: () => l10n.t("Instruction written as a JSON array but is using single quotes instead of double quotes"),
  variableModifierUnsupported: (a) => l10n.t("failed to process \"{0}\": unsupported modifier ({1}) in substitution", a[0], a[1]),
  onbuildChainingDisallowed: () => l10n.t("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"),
  onbuildTriggerDisallowed: (a) => l10n.t("{0} isn't allowed as an ONBUILD trigger", a[0]),
  shellJsonForm: () => l10n.t("SHELL requires the arguments to be in JSON form"),
  shellRequiresOne: () => l10n.t("SHELL requires at least one argument"),
  deprecatedMaintainer: () => l10n.t("MAINTAINER has been deprecated"),
  healthcheckCmdArgumentMissing: () => l10n.t("Missing command after HEALTHCHECK CMD"),
  healthcheckTypeUnknown: (a) => l10n.t("Unknown type\"{0}\" in HEALTHCHECK (try CMD)", a[0]),
  workdirPathNotAbsolute: () => l10n.t("WORKDIR paths should be absolute"),};

interface Template {
  pattern: RegExp;
  translate: Translate;
}

let templates: Template[] | undefined;

/** Built on first use from the library's table, so a new dockerfile-utils version cannot drift silently. */
function loadTemplates(): Template[] {
  const table = (Validator as unknown as { dockerProblems: Record<string, string> }).dockerProblems;
  return Object.entries(table)
    .filter(([key]) => key in translations)
    .map(([key, english]) => {
      const source = english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$\\\{\d\\\}/g, '([\\s\\S]*?)');
      return { pattern: new RegExp(`^${source}$`), translate: translations[key] };
    });
}

export function translateUtilsMessage(message: string): string {
  templates ??= loadTemplates();
  for (const { pattern, translate } of templates) {
    const match = pattern.exec(message);
    if (match) return translate(match.slice(1));
  }
  return message;
}
