// COPY and ADD (hadolint DL3010 DL3020 DL3021 DL3022 DL3023 DL3067).
import { CommandModel } from '../shell/commandModel';
import { copyInfo, dropQuotes, Item } from './model';
import { RuleKit } from './ruleKit';

const ARCHIVE_EXTENSIONS = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz',
  '.tpz', '.txz', '.xz'];
const EXTRACTORS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

export function isArchive(path: string): boolean {
  const value = dropQuotes(path);
  return ARCHIVE_EXTENSIONS.some((ext) => value.endsWith(ext));
}

function baseName(path: string): string {
  const value = dropQuotes(path);
  return value.slice(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1);
}

export function checkCopies(kit: RuleKit): void {
  let fromCount = 0;
  let alias: string | undefined;
  const aliases = new Set<string>();
  let archives: Array<{ item: Item; name: string }> = [];
  const extracted = new Set<Item>();
  for (const item of kit.model.items) {
    const instruction = item.instruction;
    if (!instruction) continue;
    if (item.keyword === 'FROM') {
      fromCount++;
      alias = kit.model.from(item).alias;
      if (alias !== undefined) aliases.add(alias);
      archives = [];
      extracted.clear();
      continue;
    }
    if (item.keyword === 'RUN') {
      const model = kit.model.shell(item)?.model;
      if (model) archives.forEach((a) => { if (extracts(model, a.name)) extracted.add(a.item); });
      continue;
    }
    if (item.keyword !== 'COPY' && item.keyword !== 'ADD') continue;
    const copy = copyInfo(kit.context, instruction);
    if (item.keyword === 'ADD') {
      if (copy.sources.some((s) => !isArchive(s) && !/^https?:\/\//.test(dropQuotes(s)))) {
        kit.report('DL3020', item, undefined, [], [{
          title: 'Replace ADD with COPY', edits: [{ range: instruction.getInstructionRange(), newText: 'COPY' }], preferred: true,
        }]);
      }
      continue;
    }
    if (copy.sources.length >= 2 && !dropQuotes(copy.target).endsWith('/')) kit.report('DL3021', item);
    const from = copy.flags.get('from');
    if (from === undefined) {
      if (isArchive(copy.target)) archives.push({ item, name: baseName(copy.target) });
      else copy.sources.filter(isArchive).forEach((s) => archives.push({ item, name: baseName(s) }));
      continue;
    }
    const leadingNumber = /^\d+/.exec(from)?.[0];
    const known = dropQuotes(from).includes(':') || aliases.has(from) || (leadingNumber !== undefined && Number(leadingNumber) < fromCount);
    if (!known) kit.report('DL3022', item, undefined, [from]);
    if (alias !== undefined && from === alias) kit.report('DL3023', item, undefined, [from]);
    if (copy.sources.some((s) => dropQuotes(s) === '/') && dropQuotes(copy.target) === '/') kit.report('DL3067', item, undefined, [from]);
  }
  const reported = new Set<Item>();
  for (const { item } of archives) {
    if (extracted.has(item) && !reported.has(item)) {
      reported.add(item);
      kit.report('DL3010', item);
    }
  }
}

function extracts(model: CommandModel, archive: string): boolean {
  return model.commands.some((c) => {
    const tar = c.name === 'tar' && c.args.some((a) => a === '--extract' || a === '--get' || (a.startsWith('-') && a.includes('x')));
    if (!tar && !EXTRACTORS.has(c.name)) return false;
    return c.nonFlags.some((a) => baseName(a) === archive);
  });
}
