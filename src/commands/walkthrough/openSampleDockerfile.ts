// The walkthrough's "Lint a Dockerfile" step: opens a new, unsaved Dockerfile with a few mistakes the
// linter reports, so a new user sees squiggles and quick fixes without touching their own files.
import * as vscode from 'vscode';

export const WalkthroughCommands = {
  openSampleDockerfile: 'dockside.walkthrough.openSampleDockerfile',
} as const;

/** Each line is there for a rule: the untagged image (DL3006), apt-get without -y and pins (DL3014, DL3008), `cd` (DL3003), shell-form CMD (DL3025). */
function sampleDockerfile(): string {
  return [
    `# ${vscode.l10n.t('A sample Dockerfile with mistakes: hover the squiggles, then try the quick fixes (Ctrl+.).')}`,
    'FROM ubuntu',
    'RUN apt-get update && apt-get install curl',
    'RUN cd /app && make',
    'CMD python3 app.py',
    '',
  ].join('\n');
}

export function openSampleDockerfile(): () => Promise<void> {
  return async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: sampleDockerfile() });
    await vscode.window.showTextDocument(document);
  };
}
