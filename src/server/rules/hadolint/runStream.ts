// The RUN rules over one instruction stream (the file, or its ONBUILD triggers as one FROM-less stage),
// with the state hadolint keeps between instructions: ENV/ARG names (DL3033/DL3041), PIP_NO_CACHE_DIR per
// stage (DL3042), curl/wget per stage (DL4001), dirty apt/yarn RUNs reported at the end (DL3009/DL3060),
// and, for the file stream only, consecutive RUNs (DL3059) and pipefail (DL4006).
import { commandModel, isCmd, isPipInstall, ModelCommand } from '../shell/commandModel';
import { parseShell } from '../shell/shellParser';
import { checkAptApk } from './aptApkRules';
import { checkCommands } from './commandRules';
import { checkLanguagePackages } from './languageRules';
import { execStrings, FromInfo, hasCacheMountContaining, Item, properties, runFlagsKey, ShellInfo, argumentText } from './model';
import { checkRpm } from './rpmRules';
import { RuleKit } from './ruleKit';
import { heredocsOf } from '../context/runBody';

const TRUTHY = ['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES'];

interface Dirty {
  item: Item;
  shell: ShellInfo;
  from?: FromInfo;
  fromIndex: number;
}

export function runStream(kit: RuleKit, items: readonly Item[], onbuildStream: boolean): void {
  const argNames = new Set<string>();
  const stageEnv: Array<{ alias?: string; env: Set<string> }> = [];
  let env = new Set<string>();
  const pipNoCache = new Map<string, boolean>();
  let stageKey = '';
  let preFromNoCache = false;
  let tools = new Set<string>();
  let pipefail = false;
  let from: FromInfo | undefined;
  let fromIndex = -1;
  const froms: FromInfo[] = [];
  const dirtyApt: Dirty[] = [];
  const dirtyYarn: Dirty[] = [];
  let lastRun: { flags: string; count: number } | undefined;

  for (const item of items) {
    const keyword = item.keyword;
    if (!onbuildStream) {
      if (keyword === 'RUN') {
        const shell = kit.model.shell(item);
        const count = shell ? new Set(shell.model.commands.map((c) => c.source)).size : 0;
        const flags = runFlagsKey(item.instruction);
        if (!lastRun || lastRun.flags !== flags || count >= 2 || lastRun.count >= 2) lastRun = { flags, count };
        else kit.report('DL3059', item);
      } else if (keyword !== 'COMMENT') lastRun = undefined;
    }
    if (keyword === 'FROM' && !onbuildStream) {
      from = kit.model.from(item);
      froms.push(from);
      fromIndex++;
      const parent = stageEnv.find((s) => s.alias !== undefined && s.alias === from?.name);
      env = new Set(parent?.env ?? []);
      stageEnv.push({ alias: from.alias, env });
      stageKey = from.alias ?? from.name;
      pipNoCache.set(stageKey, pipNoCache.get(from.name) ?? false);
      tools = new Set();
      pipefail = false;
      continue;
    }
    if (keyword === 'ARG') {
      const name = properties(item.instruction)[0]?.name;
      if (name) argNames.add(name);
    } else if (keyword === 'ENV') {
      const pairs = properties(item.instruction);
      pairs.forEach((p) => env.add(p.name));
      const pip = pairs.find((p) => p.name === 'PIP_NO_CACHE_DIR');
      if (pip && TRUTHY.includes(pip.value)) {
        if (from) pipNoCache.set(stageKey, true);
        else preFromNoCache = true;
      }
    } else if (keyword === 'SHELL' && !onbuildStream) {
      pipefail = shellSetsPipefail(kit, item);
    } else if (keyword === 'RUN') {
      const shell = kit.model.shell(item);
      if (!shell) continue;
      checkCommands(kit, item, shell);
      checkAptApk(kit, item, shell);
      checkLanguagePackages(kit, item, shell);
      checkRpm(kit, item, shell, { env, args: argNames });
      const noCache = from ? pipNoCache.get(stageKey) === true : preFromNoCache;
      checkPipCache(kit, item, shell, noCache);
      const commands = shell.model.commands;
      for (const tool of ['curl', 'wget']) if (commands.some((c) => c.name === tool)) tools.add(tool);
      if (tools.size === 2 && commands.some((c) => c.name === 'curl' || c.name === 'wget')) kit.report('DL4001', item);
      if (!onbuildStream && !pipefail && shell.model.hasPipes) reportPipefail(kit, item, shell);
      if (aptDirty(item, commands)) dirtyApt.push({ item, shell, from, fromIndex });
      if (yarnDirty(item, commands)) dirtyYarn.push({ item, shell, from, fromIndex });
    }
  }
  const last = froms[froms.length - 1];
  const usedAsBase = new Set(froms.map((f) => f.name));
  const stillInImage = (d: Dirty) => onbuildStream || !d.from || !last ||
    sameFrom(d.from, last) || (d.from.alias !== undefined && usedAsBase.has(d.from.alias));
  for (const d of dirtyApt) if (stillInImage(d)) kit.report('DL3009', d.item, undefined, [], aptListsFix(d));
  for (const d of dirtyYarn) if (stillInImage(d)) kit.report('DL3060', d.item);
}

function sameFrom(a: FromInfo, b: FromInfo): boolean {
  return a.image === b.image && a.alias === b.alias && a.platform === b.platform;
}

function aptDirty(item: Item, commands: ModelCommand[]): boolean {
  const update = commands.some((c) => isCmd(c, 'apt', ['update']) || isCmd(c, 'apt-get', ['update']) || isCmd(c, 'aptitude', ['update']));
  if (!update || commands.some((c) => isCmd(c, 'rm', ['-rf', '/var/lib/apt/lists/*']))) return false;
  if (hasCacheMountContaining(item.instruction, '/var/lib/apt/lists')) return false;
  return !(hasCacheMountContaining(item.instruction, '/var/lib/apt') && hasCacheMountContaining(item.instruction, '/var/cache/apt'));
}

function yarnDirty(item: Item, commands: ModelCommand[]): boolean {
  const install = commands.findIndex((c) => isCmd(c, 'yarn', ['install']));
  if (install < 0) return false;
  const clean = commands.findIndex((c) => isCmd(c, 'yarn', ['cache', 'clean']));
  if (clean >= 0 && clean < install) return true;
  return clean < 0 && !hasCacheMountContaining(item.instruction, '.cache/yarn');
}

function checkPipCache(kit: RuleKit, item: Item, shell: ShellInfo, stageNoCache: boolean): void {
  if (stageNoCache || hasCacheMountContaining(item.instruction, '.cache/pip')) return;
  const at = shell.text.indexOf('PIP_NO_CACHE_DIR=');
  if (at >= 0) {
    const after = shell.text.slice(at + 'PIP_NO_CACHE_DIR='.length);
    if (TRUTHY.some((t) => after.startsWith(t))) return;
  }
  const violating = shell.model.commands.find((c) => isPipInstall(c) && !c.args.includes('--no-cache-dir') && !pipWrapper(c));
  if (!violating) return;
  kit.reportCommand('DL3042', item, shell, violating, [], kit.insertAfterArg(shell, item, violating,
    violating.args.indexOf('install'), 'Add --no-cache-dir to pip install', ' --no-cache-dir', true));
}

function pipWrapper(command: ModelCommand): boolean {
  if (command.name.includes('pipx') || command.name.includes('pipenv')) return true;
  if (!command.name.startsWith('python')) return false;
  return command.args.some((a, i) => a === '-m' && (command.args[i + 1] === 'pipx' || command.args[i + 1] === 'pipenv'));
}

/** DL4006's SHELL test: pwsh/powershell/cmd, or bash/zsh/ash with `-o pipefail`. */
function shellSetsPipefail(kit: RuleKit, item: Item): boolean {
  const raw = item.instruction ? argumentText(kit.context, item.instruction) : '';
  const text = execStrings(raw)?.join(' ') ?? raw;
  if (/^(pwsh|powershell|cmd)/.test(text)) return true;
  return commandModel(parseShell(text)).commands.some((c) => ['bash', 'zsh', 'ash'].includes(c.name.split('/').pop() ?? '') &&
    c.flags.includes('o') && c.args.includes('pipefail'));
}

function reportPipefail(kit: RuleKit, item: Item, shell: ShellInfo): void {
  const instruction = item.instruction;
  if (!instruction) return;
  const start = instruction.getRange().start;
  const indent = kit.context.document.getText({ start: { line: start.line, character: 0 }, end: start });
  const piped = shell.model.commands.find((c) => c.source.pipelineLength > 1);
  kit.reportCommand('DL4006', item, shell, piped, [], [{
    title: 'Add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before this RUN',
    edits: [{ range: { start, end: start }, newText: `SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${indent}` }],
  }]);
}

function aptListsFix(dirty: Dirty) {
  const instruction = dirty.item.instruction;
  if (!instruction || dirty.item.onbuild || !dirty.shell.body) return undefined;
  const text = dirty.shell.body.script.text.trimEnd();
  const appendable = text !== '' && heredocsOf(instruction).length === 0 && !/[;&|\\]$/.test(text) &&
    dirty.shell.body.script.errors.length === 0;
  if (!appendable) return undefined;
  const end = instruction.getRange().end;
  return [{ title: 'Remove /var/lib/apt/lists/* at the end of this RUN',
    edits: [{ range: { start: end, end }, newText: ' \\\n    && rm -rf /var/lib/apt/lists/*' }] }];
}
