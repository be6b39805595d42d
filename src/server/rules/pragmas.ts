// The comments users already write to steer linters: hadolint's `ignore=`, `global ignore=` and `shell=`,
// BuildKit's `# check=skip=...;error=true` directive, and `# dockerfile-utils: ignore`.
import { LintRange } from '../../shared/lintProtocol';

export interface Pragmas {
  /** Ids ignored per instruction, keyed by the instruction's first line. */
  ignoredAt: Map<number, Set<string>>;
  globalIgnored: Set<string>;
  /** `# hadolint shell=pwsh` (or any non-POSIX shell): shell rules stay quiet. */
  nonPosixShell: boolean;
  /** BuildKit checks skipped by `# check=skip=`; 'all' skips every BuildKit check. */
  checkSkip: Set<string> | 'all';
  /** `# check=error=true`: BuildKit checks are errors. */
  checkError: boolean;
  /** Instruction lines after a `# dockerfile-utils: ignore` comment. */
  dockerfileUtilsIgnored: Set<number>;
  /** Where inline `hadolint ignore` pragmas are, for DL1001. */
  inlineIgnores: Array<{ range: LintRange; instructionLine: number }>;
}

const POSIX_SHELLS = /^(sh|bash|ash|dash|zsh|ksh|mksh|busybox)$/;

export function readPragmas(text: string, instructionLines: number[]): Pragmas {
  const pragmas: Pragmas = {
    ignoredAt: new Map(), globalIgnored: new Set(), nonPosixShell: false, checkSkip: new Set(), checkError: false,
    dockerfileUtilsIgnored: new Set(), inlineIgnores: [],
  };
  const lines = text.split('\n');
  const firstInstruction = instructionLines[0] ?? lines.length;
  let next = 0;
  for (let line = 0; line < lines.length; line++) {
    const trimmed = lines[line].trim();
    if (!trimmed.startsWith('#')) continue;
    const body = trimmed.replace(/^#\s*/, '');
    while (next < instructionLines.length && instructionLines[next] <= line) next++;
    const target = instructionLines[next];
    const hadolint = /^hadolint\s+(global\s+)?(ignore|shell)\s*=\s*(.*)$/i.exec(body);
    if (hadolint) {
      const values = hadolint[3].split(/[,\s]+/).filter((v) => v !== '' && !v.startsWith('#'));
      if (hadolint[2].toLowerCase() === 'shell') {
        pragmas.nonPosixShell = !POSIX_SHELLS.test((values[0] ?? '').split('/').pop() ?? '');
      } else if (hadolint[1]) {
        values.forEach((v) => pragmas.globalIgnored.add(v));
      } else if (target !== undefined) {
        const set = pragmas.ignoredAt.get(target) ?? new Set<string>();
        values.forEach((v) => set.add(v));
        pragmas.ignoredAt.set(target, set);
        const start = lines[line].indexOf('#');
        pragmas.inlineIgnores.push({
          range: { start: { line, character: start }, end: { line, character: lines[line].trimEnd().length } },
          instructionLine: target,
        });
      }
      continue;
    }
    if (body === 'dockerfile-utils: ignore' && target === line + 1) pragmas.dockerfileUtilsIgnored.add(target);
    const check = /^check\s*=\s*(.*)$/i.exec(body);
    if (check && line < firstInstruction) readCheckDirective(check[1], pragmas);
  }
  return pragmas;
}

function readCheckDirective(value: string, pragmas: Pragmas): void {
  for (const part of value.split(';')) {
    const [key, setting = ''] = part.split('=', 2).map((s) => s.trim());
    if (key === 'skip') {
      const ids = part.slice(part.indexOf('=') + 1).split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (ids.some((id) => id.toLowerCase() === 'all')) pragmas.checkSkip = 'all';
      else if (pragmas.checkSkip !== 'all') ids.forEach((id) => (pragmas.checkSkip as Set<string>).add(id));
    } else if (key === 'error') {
      pragmas.checkError = setting.toLowerCase() === 'true';
    }
  }
}
