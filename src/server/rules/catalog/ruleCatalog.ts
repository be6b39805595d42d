// One lookup over every rule Dockside knows, and the text users read: messages in English or Chinese and
// the docs page that explains a rule.
import { buildkitRules } from './buildkitCatalog';
import { hadolintRules } from './hadolintCatalog';
import { RuleInfo } from './ruleInfo';

const byId = new Map<string, RuleInfo>([...hadolintRules, ...buildkitRules].map((r) => [r.id, r]));

export function allRules(): RuleInfo[] {
  return [...byId.values()];
}

/** The rule with this id; ShellCheck codes (SCxxxx) get an entry made on the fly. */
export function ruleInfo(id: string): RuleInfo | undefined {
  const known = byId.get(id);
  if (known) return known;
  if (/^SC\d{4}$/.test(id)) return { id, source: 'shellcheck', severity: 'warning', en: '{0}', zh: '{0}', page: 'shellcheck' };
  return undefined;
}

export type Language = 'en' | 'zh-cn';

export function languageOf(locale: string | undefined): Language {
  return locale && locale.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export function formatMessage(info: RuleInfo, details: string[], language: Language): string {
  const template = language === 'zh-cn' ? info.zh : info.en;
  return template.replace(/\{(\d)\}/g, (_, index: string) => details[Number(index)] ?? '');
}

/** `<base>/<lang>/<page>.md#<id>`; the base is where the extension's docs/rules folder is. */
export function docsUrl(info: RuleInfo, language: Language, base: string | undefined): string {
  const root = (base ?? 'docs/rules').replace(/\/+$/, '');
  return `${root}/${language}/${info.page}.md#${info.id.toLowerCase()}`;
}
