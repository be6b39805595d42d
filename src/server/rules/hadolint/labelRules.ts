// LABEL rules: DL3048 (key syntax) and the label-schema rules DL3049-DL3056 and DL3058, which run only when
// `.hadolint.yaml` declares a `label-schema` (label name → text|url|hash|rfc3339|semver|spdx|email).
import { Property, PropertyInstruction } from 'dockerfile-ast';
import { LintContext } from '../context/lintContext';

const VALID_KEY = /^[a-z0-9]([a-z0-9]|[.-](?=[a-z0-9]))*$/;
const RESERVED_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];
const SPDX = new Set(['MIT', 'Apache-2.0', 'GPL-2.0', 'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0', 'GPL-3.0-only',
  'GPL-3.0-or-later', 'LGPL-2.1', 'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0', 'LGPL-3.0-only', 'LGPL-3.0-or-later',
  'BSD-2-Clause', 'BSD-3-Clause', 'MPL-2.0', 'ISC', 'AGPL-3.0', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'EPL-2.0',
  'Unlicense', 'CC0-1.0', 'Zlib', 'BSL-1.0', 'Artistic-2.0', 'EUPL-1.2', 'PostgreSQL', 'OpenSSL', 'Proprietary']);
const VALUE_CHECKS: Record<string, [string, (value: string) => boolean]> = {
  url: ['DL3052', (v) => /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(v)],
  rfc3339: ['DL3053', (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v)],
  spdx: ['DL3054', (v) => v.split(/\s+(?:AND|OR|WITH)\s+/).every((id) => SPDX.has(id.replace(/[()]/g, '')))],
  hash: ['DL3055', (v) => /^[0-9a-f]{7,40}$/.test(v)],
  semver: ['DL3056', (v) => /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(v)],
  email: ['DL3058', (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)],
};

export function checkLabels(context: LintContext): void {
  const schema = context.settings.labelSchema;
  const schemaKeys = Object.keys(schema);
  for (const stage of context.stages) {
    const present = new Set<string>();
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'LABEL') continue;
      for (const property of (instruction as PropertyInstruction).getProperties()) {
        const key = property.getName();
        present.add(key);
        checkKey(context, instruction as PropertyInstruction, property, key);
        if (schemaKeys.length > 0) checkAgainstSchema(context, instruction as PropertyInstruction, property, key);
      }
    }
    if (schemaKeys.length > 0 && stage === context.stages[context.stages.length - 1]) {
      for (const key of schemaKeys) {
        if (!present.has(key)) context.report('DL3049', stage.from, stage.from.getInstructionRange(), [key]);
      }
    }
  }
}

function checkKey(context: LintContext, instruction: PropertyInstruction, property: Property, key: string): void {
  if (key.includes('$')) return;
  if (!VALID_KEY.test(key) || RESERVED_NAMESPACES.some((ns) => key.startsWith(ns))) {
    context.report('DL3048', instruction, property.getNameRange(), [key]);
  }
}

function checkAgainstSchema(context: LintContext, instruction: PropertyInstruction, property: Property, key: string): void {
  const type = context.settings.labelSchema[key];
  if (type === undefined) {
    if (context.settings.strictLabels) context.report('DL3050', instruction, property.getNameRange(), [key]);
    return;
  }
  const value = (property.getValue() ?? '').replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');
  if (value === '') {
    context.report('DL3051', instruction, property.getRange(), [key]);
    return;
  }
  const check = VALUE_CHECKS[type];
  if (check && !value.includes('$') && !check[1](value)) context.report(check[0], instruction, property.getRange(), [key]);
}
