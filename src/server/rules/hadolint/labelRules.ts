// LABEL rules: DL3048 (key syntax) and the label-schema rules DL3049-DL3056 and DL3058, which run only when
// `.hadolint.yaml` declares a `label-schema` (label name → text|url|hash|rfc3339|semver|spdx|email).
import { copyInfo, Item, properties } from './model';
import { RuleKit } from './ruleKit';
import { SPDX_IDS } from './spdxIds';

const RESERVED_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const VALUE_CHECKS: Record<string, [string, (value: string) => boolean]> = {
  url: ['DL3052', (v) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(v)],
  rfc3339: ['DL3053', (v) => /^\s*\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\s*$/.test(v)],
  spdx: ['DL3054', (v) => SPDX_IDS.has(v)],
  hash: ['DL3055', (v) => /^[0-9a-f]+$/.test(v) && (v.length === 7 || v.length === 40)],
  semver: ['DL3056', (v) => SEMVER.test(v)],
  email: ['DL3058', (v) => /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(v) && !v.startsWith('.')],
};

export function invalidLabelKey(key: string): boolean {
  return !/^[a-z]/.test(key) || !/[a-z0-9]$/.test(key) || /[^0-9a-z.\-_/]/.test(key) ||
    RESERVED_NAMESPACES.some((ns) => key.startsWith(ns)) || key.includes('..') || key.includes('--');
}

interface StageLabels {
  item: Item;
  alias?: string;
  state: 'good' | 'silent' | 'bad';
}

export function checkLabels(kit: RuleKit): void {
  const schema = kit.context.settings.labelSchema;
  const schemaKeys = Object.keys(schema);
  const stagesByLabel = new Map<string, StageLabels[]>(schemaKeys.map((k) => [k, []]));
  let currentName: string | undefined;
  for (const item of kit.model.items) {
    if (item.keyword === 'FROM') {
      const from = kit.model.from(item);
      currentName = from.alias ?? from.name;
      for (const stages of stagesByLabel.values()) {
        const good = stages.some((s) => s.state === 'good' && s.alias !== undefined && s.alias === from.name);
        stages.push({ item, alias: from.alias, state: good ? 'good' : 'bad' });
      }
    } else if (item.keyword === 'COPY' && item.instruction) {
      const source = copyInfo(kit.context, item.instruction).flags.get('from');
      for (const stages of stagesByLabel.values()) {
        stages.forEach((s) => { if (s.state === 'bad' && s.alias !== undefined && s.alias === source) s.state = 'silent'; });
      }
    } else if (item.keyword === 'LABEL') {
      const pairs = properties(item.instruction);
      if (pairs.some((p) => invalidLabelKey(p.name))) kit.report('DL3048', item, undefined, [pairs.find((p) => invalidLabelKey(p.name))?.name ?? '']);
      if (schemaKeys.length === 0) continue;
      if (kit.context.settings.strictLabels && pairs.some((p) => schema[p.name] === undefined)) {
        kit.report('DL3050', item, undefined, [pairs.find((p) => schema[p.name] === undefined)?.name ?? '']);
      }
      for (const key of schemaKeys) {
        const pair = pairs.find((p) => p.name === key);
        if (!pair) continue;
        const stages = stagesByLabel.get(key) ?? [];
        stages.forEach((s) => { if (s.state === 'bad' && s.alias !== undefined && s.alias === currentName) s.state = 'silent'; });
        if (stages.length > 0) stages[stages.length - 1].state = 'good';
        if (pairs.some((p) => p.name === key && p.value === '')) kit.report('DL3051', item, undefined, [key]);
        const check = VALUE_CHECKS[schema[key]];
        if (check && pairs.some((p) => p.name === key && p.value !== '' && !check[1](p.value))) kit.report(check[0], item, undefined, [key]);
      }
    }
  }
  for (const [key, stages] of stagesByLabel) {
    for (const stage of stages) if (stage.state === 'bad') kit.report('DL3049', stage.item, undefined, [key]);
  }
}
