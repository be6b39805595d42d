// apt-get, apt and apk, per RUN (hadolint DL3008 DL3014 DL3015 DL3018 DL3019 DL3027): one finding per RUN.
import { countFlag, dropFlagValue, hasAnyFlag, hasFlag, isCmd, ModelCommand, nonFlagArgs } from '../shell/commandModel';
import { hasCacheMountContaining, Item, ShellInfo } from './model';
import { RuleKit } from './ruleKit';

function aptGetInstalls(shell: ShellInfo): ModelCommand[] {
  return shell.model.commands.filter((c) => isCmd(c, 'apt-get', ['install']));
}

export function checkAptApk(kit: RuleKit, item: Item, shell: ShellInfo): void {
  const installs = aptGetInstalls(shell);
  let unpinned: string[] = [];
  const firstUnpinned = installs.find((c) => {
    unpinned = nonFlagArgs(dropFlagValue(c.args, ['t', 'target-release']))
      .filter((p) => p !== 'install' && !p.includes('=') && !p.includes('/') && !p.endsWith('.deb'));
    return unpinned.length > 0;
  });
  if (firstUnpinned) kit.reportCommand('DL3008', item, shell, firstUnpinned, [unpinned.join(', ')]);

  const noYes = installs.find((c) => !hasAnyFlag(c, ['y', 'yes', 'qq', 'assume-yes']) && countFlag(c, 'q') !== 2 &&
    countFlag(c, 'quiet') !== 2 && !c.args.includes('-q=2'));
  if (noYes) {
    kit.reportCommand('DL3014', item, shell, noYes, [],
      kit.insertAfterArg(shell, item, noYes, noYes.args.indexOf('install'), 'Add -y to apt-get install', ' -y', true));
  }
  const recommends = installs.find((c) => !hasFlag(c, 'no-install-recommends') && !c.args.includes('APT::Install-Recommends=false'));
  if (recommends) {
    kit.reportCommand('DL3015', item, shell, recommends, [], kit.insertAfterArg(shell, item, recommends,
      recommends.args.indexOf('install'), 'Add --no-install-recommends to apt-get install', ' --no-install-recommends'));
  }
  const apt = shell.model.commands.find((c) => c.name === 'apt');
  if (apt) kit.reportCommand('DL3027', item, shell, apt);

  const adds = shell.model.commands.filter((c) => isCmd(c, 'apk', ['add']));
  let apkUnpinned: string[] = [];
  const firstApk = adds.find((c) => {
    apkUnpinned = nonFlagArgs(dropFlagValue(c.args, ['t', 'virtual', 'repository', 'X']))
      .filter((p) => p !== 'add' && !/[=~><]/.test(p) && !p.endsWith('.apk'));
    return apkUnpinned.length > 0;
  });
  if (firstApk) kit.reportCommand('DL3018', item, shell, firstApk, [apkUnpinned.join(', ')]);
  const cached = adds.find((c) => !hasFlag(c, 'no-cache'));
  if (cached && !hasCacheMountContaining(item.instruction, '/var/cache/apk')) {
    kit.reportCommand('DL3019', item, shell, cached, [],
      kit.insertAfterArg(shell, item, cached, cached.args.indexOf('add'), 'Add --no-cache to apk add', ' --no-cache', true));
  }
}
