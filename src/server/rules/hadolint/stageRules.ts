// hadolint rules about FROM, stages and the instructions counted per stage: DL3002 DL3006 DL3007 DL3012
// DL3024 DL3026 DL3029 DL3045 DL3057 DL3061 DL3063 DL3065 DL4003 DL4004.
import { LintRange } from '../../../shared/lintProtocol';
import { LintContext } from '../context/lintContext';
import { copyInfo, dropQuotes, FromInfo, Item, mountsOf, restOfLine } from './model';
import { RuleKit } from './ruleKit';

const ONCE_PER_STAGE: Record<string, string> = { CMD: 'DL4003', ENTRYPOINT: 'DL4004', HEALTHCHECK: 'DL3012' };

export function checkStages(kit: RuleKit): void {
  const items = kit.model.items;
  let seenFrom = false;
  const aliases: string[] = [];
  let counts = new Map<string, number>();
  let rootUser: Item | undefined;
  const rootUsers: Item[] = [];
  const workdirSet = new Map<string, boolean>();
  let key: string | undefined;
  let preFromWorkdir = false;
  const healthStages: Array<{ item: Item; src: string; name: string; good: boolean }> = [];
  for (const item of items) {
    const keyword = item.keyword;
    if (keyword === 'COMMENT' || keyword === 'PRAGMA') continue;
    if (keyword === 'FROM') {
      if (rootUser) rootUsers.push(rootUser);
      rootUser = undefined;
      const from = kit.model.from(item);
      checkFrom(kit, item, from, aliases);
      if (from.alias !== undefined) aliases.push(from.alias);
      seenFrom = true;
      counts = new Map();
      key = from.alias ?? from.name;
      workdirSet.set(key, workdirSet.get(from.name) ?? false);
      const inherits = healthStages.some((s) => s.good && s.name === from.name);
      healthStages.push({ item, src: from.name, name: key, good: inherits });
      continue;
    }
    if (!seenFrom && keyword !== 'ARG') kit.report('DL3061', item);
    const ruleId = ONCE_PER_STAGE[keyword];
    if (ruleId) {
      const count = (counts.get(keyword) ?? 0) + 1;
      counts.set(keyword, count);
      if (count > 1) kit.report(ruleId, item);
    }
    if (keyword === 'HEALTHCHECK' && healthStages.length > 0) markHealthy(healthStages, healthStages.length - 1);
    if (keyword === 'USER' && seenFrom && item.instruction) {
      rootUser = isRoot(restOfLine(kit.context, item.instruction)) ? item : undefined;
    }
    if (keyword === 'WORKDIR') {
      if (key !== undefined) workdirSet.set(key, true);
      else preFromWorkdir = true;
    }
    if (keyword === 'COPY' && item.instruction) {
      const set = key !== undefined ? workdirSet.get(key) === true : preFromWorkdir;
      const target = dropQuotes(copyInfo(kit.context, item.instruction).target);
      if (!set && !target.startsWith('/') && !/^[A-Za-z]:/.test(target) && !target.startsWith('$')) kit.report('DL3045', item);
    }
    if (item.instruction && (keyword === 'COPY' || keyword === 'RUN')) checkTrustedSources(kit, item, aliases);
  }
  if (rootUser) rootUsers.push(rootUser);
  for (const user of rootUsers) kit.report('DL3002', user);
  for (const stage of healthStages) if (!stage.good) kit.report('DL3057', stage.item);
}

/** A HEALTHCHECK marks its stage good, and the bad stages it was built from. */
function markHealthy(stages: Array<{ src: string; name: string; good: boolean }>, index: number): void {
  const stage = stages[index];
  stage.good = true;
  stages.forEach((other, i) => {
    if (!other.good && other.name === stage.src && i !== index) markHealthy(stages, i);
  });
}

function isRoot(text: string): boolean {
  return text === 'root' || text === '0' || text.startsWith('root:') || text.startsWith('0:');
}

function checkFrom(kit: RuleKit, item: Item, from: FromInfo, earlierAliases: string[]): void {
  const imageRange = ast(item)?.getImageRange?.() ?? undefined;
  if (!from.tag && !from.digest && from.name !== 'scratch' && !from.name.startsWith('$') && !earlierAliases.includes(from.name)) {
    kit.report('DL3006', item, imageRange);
  }
  if (from.tag === 'latest' && !from.digest) kit.report('DL3007', item, imageRange);
  if (from.alias !== undefined && earlierAliases.includes(from.alias)) kit.report('DL3024', item, stageRange(item));
  if (from.alias === 'scratch' || from.alias === 'context') kit.report('DL3063', item, stageRange(item), [from.alias]);
  if (from.platform !== undefined) {
    if (from.platform === '$TARGETPLATFORM' || from.platform === '${TARGETPLATFORM}') {
      kit.report('DL3065', item, platformRange(item), [], platformFix(kit.context, item));
    }
    if (!from.platform.includes('BUILDPLATFORM') && !from.platform.includes('TARGETPLATFORM')) kit.report('DL3029', item, platformRange(item));
  }
  if (!imageAllowed(kit, from, earlierAliases)) kit.report('DL3026', item, imageRange, [from.registry ?? 'docker.io']);
}

type Ranged = {
  getImageRange?(): LintRange | null;
  getBuildStageRange?(): LintRange | null;
  getPlatformFlag?(): { getRange(): LintRange } | null;
};

function ast(item: Item): Ranged | undefined {
  return item.instruction as unknown as Ranged | undefined;
}

function stageRange(item: Item): LintRange | undefined {
  return ast(item)?.getBuildStageRange?.() ?? undefined;
}

function platformRange(item: Item): LintRange | undefined {
  return ast(item)?.getPlatformFlag?.()?.getRange();
}

function platformFix(context: LintContext, item: Item) {
  const range = platformRange(item);
  if (!range) return undefined;
  const line = context.document.getText({ start: range.end, end: { line: range.end.line, character: Number.MAX_SAFE_INTEGER } });
  const spaces = /^[ \t]*/.exec(line)?.[0].length ?? 0;
  const end = { line: range.end.line, character: range.end.character + spaces };
  return [{ title: 'Remove the redundant --platform flag', edits: [{ range: { start: range.start, end }, newText: '' }], preferred: true }];
}

function registryMatches(pattern: string, registry: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return registry.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return registry.startsWith(pattern.slice(0, -1));
  return pattern === registry;
}

function allowed(trusted: string[], registry: string | undefined, name: string, aliases: string[]): boolean {
  if (aliases.includes(name)) return true;
  if (registry !== undefined) return trusted.some((p) => registryMatches(p, registry));
  return name === 'scratch' || trusted.some((p) => registryMatches(p, 'docker.io') || registryMatches(p, 'hub.docker.com'));
}

function imageAllowed(kit: RuleKit, from: FromInfo, aliases: string[]): boolean {
  const trusted = kit.context.settings.trustedRegistries;
  return trusted.length === 0 || allowed(trusted, from.registry, from.name, aliases);
}

/** `COPY --from=` and `RUN --mount=...,from=` values, split the way DL3026 splits them. */
function splitSource(value: string): { registry?: string; name: string } {
  const slash = value.indexOf('/');
  if (slash > 0 && value.slice(0, slash).includes('.')) return { registry: value.slice(0, slash), name: value.slice(slash + 1) };
  return { name: value };
}

function checkTrustedSources(kit: RuleKit, item: Item, aliases: string[]): void {
  const trusted = kit.context.settings.trustedRegistries;
  if (trusted.length === 0 || !item.instruction) return;
  const values = item.keyword === 'COPY'
    ? [copyInfo(kit.context, item.instruction).flags.get('from')].filter((v): v is string => v !== undefined)
    : mountsOf(item.instruction).filter((m) => m.type === 'cache' || m.type === 'bind').map((m) => m.from ?? 'scratch');
  if (values.some((v) => { const s = splitSource(v); return !allowed(trusted, s.registry, s.name, aliases); })) {
    kit.report('DL3026', item, undefined, [values.map((v) => splitSource(v).registry ?? 'docker.io').join(', ')]);
  }
}

