// CopyIgnoredFile: a COPY or ADD source that .dockerignore excludes never reaches the build.
import { LintContext } from '../context/lintContext';
import { copyArguments } from '../hadolint/copyArguments';

export function checkCopyIgnoredFile(context: LintContext): void {
  const isIgnored = context.settings.isIgnoredByDockerignore;
  if (!isIgnored) return;
  for (const instruction of context.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'COPY' && keyword !== 'ADD') continue;
    const args = copyArguments(instruction);
    if (!args || args.heredoc || args.flags.some((f) => f.name === 'from')) continue;
    for (const source of args.sources) {
      const value = source.value;
      if (value.includes('$') || /^[a-z]+:\/\//i.test(value) || value.startsWith('git@') || /[*?[]/.test(value)) continue;
      if (isIgnored(value)) context.report('CopyIgnoredFile', instruction, source.range, [value]);
    }
  }
}
