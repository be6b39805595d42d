// ARG and ENV: secrets in names (DL3064 / SecretsUsedInArgOrEnv) and the legacy `ENV key value` form
// (LegacyKeyValueFormat).
import { Property, PropertyInstruction } from 'dockerfile-ast';
import { LintFix } from '../../../shared/lintProtocol';
import { LintContext } from '../context/lintContext';

// Name parts BuildKit treats as secret, and parts that show the value is not one (a key *id*, a *file* path).
const SECRET_PARTS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd',
  'secret', 'token', 'pass', 'pwd', 'privatekey', 'accesskey', 'secretkey']);
const HARMLESS_PARTS = new Set(['public', 'file', 'path', 'dir', 'url', 'id', 'ids', 'name', 'type', 'version', 'gpg',
  'fingerprint', 'server', 'host', 'port', 'length', 'size', 'env', 'mode', 'keyring', 'keys', 'sha', 'sha256', 'sum',
  'checksum', 'digest', 'location', 'header', 'method', 'expiry', 'timeout']);

export function checkArgAndEnv(context: LintContext): void {
  for (const instruction of context.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'ARG' && keyword !== 'LABEL') continue;
    const properties = (instruction as PropertyInstruction).getProperties();
    for (const property of properties) {
      if (keyword !== 'LABEL' && looksSecret(property.getName())) {
        context.report('DL3064', instruction, property.getNameRange(), [property.getName()]);
      }
    }
    if (keyword !== 'ARG' && properties.length === 1 && properties[0].getAssignmentOperator() === null &&
      properties[0].getValue() !== null) {
      context.report('LegacyKeyValueFormat', instruction, properties[0].getRange(), [keyword], legacyFix(properties[0]));
    }
  }
}

function looksSecret(name: string): boolean {
  const parts = name.toLowerCase().split(/[_\-.]+/).filter((p) => p !== '');
  return parts.some((p) => SECRET_PARTS.has(p)) && !parts.some((p) => HARMLESS_PARTS.has(p));
}

/** `ENV key value words` → `ENV key="value words"`, when the value holds nothing quoting would change. */
function legacyFix(property: Property): LintFix[] | undefined {
  const valueRange = property.getValueRange();
  const nameRange = property.getNameRange();
  const value = property.getValue();
  if (!valueRange || value === null || /["'\\\n`]/.test(value) || nameRange.end.line !== valueRange.start.line) return undefined;
  const newValue = /\s/.test(value) ? `"${value}"` : value;
  return [{
    title: 'Use the key=value form',
    edits: [{ range: { start: nameRange.end, end: valueRange.end }, newText: `=${newValue}` }],
    preferred: true,
  }];
}
