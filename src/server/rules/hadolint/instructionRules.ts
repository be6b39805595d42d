// hadolint rules on single instructions: DL3000 DL3011 DL3025 DL3043 DL3044 DL3064 DL3066 DL4000.
import { Instruction } from 'dockerfile-ast';
import { LintFix, LintRange } from '../../../shared/lintProtocol';
import { parseShell } from '../shell/shellParser';
import { argumentText, dropQuotes, execStrings, Item, properties, restOfLine } from './model';
import { RuleKit } from './ruleKit';

const SECRET_NAMES = new Set(['ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY', 'BITTREX_API_KEY', 'BITTREX_API_SECRET', 'CF_PASSWORD', 'CF_USERNAME', 'CIRCLE_TOKEN',
  'CI_DEPLOY_PASSWORD', 'CI_DEPLOY_USER', 'DOCKERHUB_PASSWORD', 'DOCKER_EMAIL', 'DOCKER_PASSWORD', 'DOCKER_USERNAME',
  'FACEBOOK_ACCESS_TOKEN', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET', 'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN',
  'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN', 'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'GITHUB_TOKEN', 'HEROKU_API_KEY',
  'HEROKU_API_USER', 'NPM_AUTH_TOKEN', 'NPM_TOKEN', 'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL', 'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID', 'OKTA_OAUTH2_CLIENTSECRET', 'OPENAI_API_KEY', 'OS_PASSWORD', 'OS_USERNAME',
  'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY', 'STRIPE_DEVICE_NAME', 'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS', 'TRAVIS_SUDO', 'VAULT_CLIENT_KEY', 'VAULT_TOKEN']);
const SECRET_PARTS = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

export function looksSecret(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_NAMES.has(name.toUpperCase()) || SECRET_PARTS.some((p) => lower.includes(p));
}

export function checkInstructions(kit: RuleKit): void {
  const defined = new Set<string>();
  const argNames: string[] = [];
  for (const item of kit.model.items) {
    const instruction = item.instruction;
    if (!instruction) continue;
    switch (item.keyword) {
      case 'WORKDIR': checkWorkdir(kit, item, instruction); break;
      case 'EXPOSE': checkPorts(kit, item, instruction); break;
      case 'CMD': case 'ENTRYPOINT': case 'HEALTHCHECK': checkJsonForm(kit, item, instruction); break;
      case 'ONBUILD': checkOnbuild(kit, item, instruction); break;
      case 'MAINTAINER': checkMaintainer(kit, item, instruction); break;
      case 'USER': checkNumericUser(kit, item, instruction, argNames); break;
      case 'ENV': checkEnvReferences(kit, item, defined); break;
    }
    if (item.keyword === 'ARG' || item.keyword === 'ENV') checkSecret(kit, item);
    if (item.keyword === 'ARG') {
      const name = properties(instruction)[0]?.name;
      if (name) {
        defined.add(name);
        argNames.push(name);
      }
    } else if (item.keyword === 'ENV') properties(instruction).forEach((p) => defined.add(p.name));
  }
  for (const item of kit.model.onbuildItems) if (item.keyword === 'ARG' || item.keyword === 'ENV') checkSecret(kit, item);
}

function checkSecret(kit: RuleKit, item: Item): void {
  const pairs = properties(item.instruction);
  const names = item.keyword === 'ARG' ? pairs.slice(0, 1) : pairs;
  const secret = names.find((p) => looksSecret(p.name));
  if (secret) kit.report('DL3064', item, undefined, [secret.name]);
}

function checkWorkdir(kit: RuleKit, item: Item, instruction: Instruction): void {
  const path = dropQuotes(argumentText(kit.context, instruction).trim());
  if (path.startsWith('$') || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return;
  kit.report('DL3000', item, instruction.getArgumentsRange() ?? undefined);
}

function checkPorts(kit: RuleKit, item: Item, instruction: Instruction): void {
  for (const word of argumentText(kit.context, instruction).trim().split(/\s+/)) {
    const port = word.split('/')[0];
    if (!/^\d+(-\d+)?$/.test(port)) continue;
    if (port.split('-').some((p) => Number(p) > 65535)) {
      kit.report('DL3011', item);
      return;
    }
  }
}

function checkJsonForm(kit: RuleKit, item: Item, instruction: Instruction): void {
  let text = argumentText(kit.context, instruction);
  if (item.keyword === 'HEALTHCHECK') {
    const cmd = /^\s*CMD\s/i.exec(text);
    if (!cmd) return;
    text = text.slice(cmd[0].length);
  }
  if (execStrings(text)) return;
  const range = instruction.getArgumentsRange() ?? undefined;
  kit.report('DL3025', item, range, [], item.keyword !== 'HEALTHCHECK' && range ? jsonFormFix(text, range) : undefined);
}

/** Converts `CMD a b c` to `CMD ["a", "b", "c"]` only when the words need no shell to mean the same. */
function jsonFormFix(content: string, range: LintRange): LintFix[] | undefined {
  if (/[\\\n]/.test(content)) return undefined;
  const script = parseShell(content);
  const command = script.commands[0];
  const simple = script.errors.length === 0 && script.commands.length === 1 && command.assignments.length === 0 &&
    command.redirects.length === 0 && command.words.every((w) => w.literal && !/[*?[~]/.test(w.value) || w.quoted && w.literal);
  if (!simple) return undefined;
  const json = `[${command.words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
  return [{ title: 'Convert to JSON (exec) form', edits: [{ range, newText: json }], preferred: true }];
}

function checkOnbuild(kit: RuleKit, item: Item, instruction: Instruction): void {
  const trigger = (instruction.getArguments()[0]?.getValue() ?? '').toUpperCase();
  if (trigger === 'ONBUILD' || trigger === 'FROM' || trigger === 'MAINTAINER') kit.report('DL3043', item);
}

function checkMaintainer(kit: RuleKit, item: Item, instruction: Instruction): void {
  const content = argumentText(kit.context, instruction).trim();
  const fix: LintFix = {
    title: 'Replace MAINTAINER with LABEL maintainer',
    edits: [{ range: instruction.getRange(), newText: `LABEL maintainer=${JSON.stringify(content)}` }],
    preferred: true,
  };
  kit.report('DL4000', item, instruction.getRange(), [], content && !content.includes('\n') ? [fix] : undefined);
}

function checkNumericUser(kit: RuleKit, item: Item, instruction: Instruction, argNames: string[]): void {
  const text = restOfLine(kit.context, instruction);
  const uid = text.split(':')[0];
  if (/^\d*$/.test(uid)) return;
  if (argNames.some((name) => text.includes('${' + name) || text.includes('$' + name))) return;
  kit.report('DL3066', item, instruction.getArgumentsRange() ?? undefined, [uid]);
}

function checkEnvReferences(kit: RuleKit, item: Item, defined: Set<string>): void {
  const pairs = properties(item.instruction);
  for (const pair of pairs) {
    if (defined.has(pair.name)) continue;
    const referenced = pairs.some((other) => other !== pair && references(other.value, pair.name));
    if (referenced) {
      kit.report('DL3044', item, undefined, [pair.name]);
      return;
    }
  }
}

function references(value: string, name: string): boolean {
  if (value.includes('${' + name + '}')) return true;
  let at = value.indexOf('$' + name);
  while (at >= 0) {
    const next = value[at + name.length + 1];
    if (next === undefined || !/[A-Za-z0-9_]/.test(next)) return true;
    at = value.indexOf('$' + name, at + 1);
  }
  return false;
}
