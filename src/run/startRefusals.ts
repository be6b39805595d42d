// What the engine says when it refuses to create or start a container, in plain words with what to change
// in the form. The engine's own text stays in the log; unknown refusals get undefined (the caller's sentence).
import * as vscode from 'vscode';

const REFUSALS: [pattern: RegExp, words: (m: RegExpExecArray) => string][] = [
  [/error gathering device information while adding custom device "([^"]+)": no such file or directory/i,
    (m) => vscode.l10n.t('The device {0} does not exist on the engine\'s machine. Remove it from Devices or connect it first.', m[1])],
  [/exec: "([^"]+)": (?:executable file not found in \$PATH|stat [^:]+: no such file or directory)/i,
    (m) => vscode.l10n.t('The image has no program "{0}". Check Command and Entrypoint.', m[1])],
  [/Bind for ([\d.:[\]]+) failed: port is already allocated|listen tcp[46]? ([\d.:[\]]+): bind: address already in use/i,
    (m) => vscode.l10n.t('Port {0} on the engine\'s machine is already in use. Choose another host port in Ports.', m[1] ?? m[2])],
  [/Conflict\. The container name "\/?([^"]+)" is already in use/i,
    (m) => vscode.l10n.t('A container named {0} already exists. Choose another name, or remove that container.', m[1])],
  [/No such image: (\S+)/i, (m) => vscode.l10n.t('The engine has no image {0}. Pull or build it first.', m[1])],
  [/invalid mount config|invalid volume specification: '([^']*)'/i, (m) => vscode.l10n.t('The engine refused a volume: {0}. Check Volumes and binds.', m[1] ?? m[0])],
];

/** Plain words for an engine refusal of create/start; undefined when the text is not one we know. */
export function startRefusalWords(error: unknown): string | undefined {
  const details = (error as { details?: { engineMessage?: string } } | undefined)?.details;
  const text = details?.engineMessage ?? (error instanceof Error ? error.message : '');
  for (const [pattern, words] of REFUSALS) {
    const match = pattern.exec(text);
    if (match) return words(match);
  }
  return undefined;
}
