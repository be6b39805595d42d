// Generates the project's model of the compose specification (src/server/compose/spec/composeModel.json)
// from the specification's JSON schema in ../shared/docs/compose-spec/ (Apache-2.0). The model keeps only
// what the validator, completion and hover read (types, keys, enums, bounds, required, descriptions) and
// gives each property a `doc` key (`service.build.target`) under which docs/compose and the Chinese
// descriptions (composeDescriptions.zh-cn.json) find it. Run: npm run compose:model
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
// ../shared beside the checkout (CI), or two levels up for a worktree of it.
const specDir = process.env.COMPOSE_SPEC_DIR ?? [join(repo, '..', 'shared'), join(repo, '..', '..', 'shared')].map((d) => join(d, 'docs', 'compose-spec')).find((d) => existsSync(d));
if (!specDir) throw new Error('The compose specification (../shared/docs/compose-spec) is not beside the checkout; set COMPOSE_SPEC_DIR.');
const schema = JSON.parse(readFileSync(join(specDir, 'compose-spec.json'), 'utf8'));
const commit = /commit ([0-9a-f]{40})\s+\(([0-9-]+)\)/.exec(readFileSync(join(specDir, 'README.md'), 'utf8'));

const KEEP = ['type', 'enum', 'required', 'minimum', 'maximum', 'pattern', 'uniqueItems', 'description', 'deprecated', '$ref', 'default'];

function trim(node, doc, isProperty = false) {
  if (typeof node === 'boolean') return node;
  const out = {};
  for (const key of KEEP) if (key in node) out[key] = node[key];
  if (out.$ref) out.$ref = out.$ref.replace('#/definitions/', '');
  if (doc && isProperty) out.doc = doc;
  if (node.properties) {
    out.properties = {};
    for (const [name, child] of Object.entries(node.properties)) out.properties[name] = trim(child, doc ? `${doc}.${name}` : name, true);
  }
  if (node.patternProperties) {
    out.patternProperties = {};
    for (const [pattern, child] of Object.entries(node.patternProperties)) out.patternProperties[pattern] = trim(child, pattern === '^x-' ? undefined : doc);
  }
  if ('additionalProperties' in node) out.additionalProperties = trim(node.additionalProperties, doc);
  if (node.items) out.items = trim(node.items, doc);
  for (const key of ['oneOf', 'anyOf', 'allOf']) if (node[key]) out[key] = node[key].map((n) => trim(n, doc));
  return out;
}

const model = {
  specCommit: commit?.[1],
  specDate: commit?.[2],
  root: trim({ ...schema, definitions: undefined }, ''),
  definitions: Object.fromEntries(Object.entries(schema.definitions).map(([name, def]) => [name, trim(def, name)])),
};
// The root's own properties are documented under their bare names (`services`, `networks`).
for (const [name, child] of Object.entries(model.root.properties)) child.doc = name;
delete model.root.doc;
writeFileSync(join(repo, 'src', 'server', 'compose', 'spec', 'composeModel.json'), JSON.stringify(model, null, 1) + '\n');
console.log(`compose model written from spec ${model.specCommit?.slice(0, 12)} (${model.specDate})`);
