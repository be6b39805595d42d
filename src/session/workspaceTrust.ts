// VS Code's workspace trust, in one place. In Restricted Mode Dockside still checks Dockerfiles with its pure,
// in-process rules, but nothing runs or connects: a cloned repository's files and settings must not choose
// an engine, a program or a container until the user trusts the workspace (see docs/security.md).
import * as vscode from 'vscode';

/** Commands that neither run anything nor connect to an engine, so they work in Restricted Mode too. */
const TRUST_FREE_COMMANDS = new Set(['dockside.showLog', 'dockside.engine.openSettings']);

/** Thrown where an engine would be reached in an untrusted workspace; the command wrapper offers trust. */
export class UntrustedWorkspace extends Error {
  override readonly name = 'UntrustedWorkspace';
  constructor() {
    super(untrustedSentence());
  }
}

export function untrustedSentence(): string {
  return vscode.l10n.t('Dockside connects to Docker engines and runs programs only in a trusted workspace. Trust this workspace to continue.');
}

export function commandNeedsTrust(id: string): boolean {
  return !vscode.workspace.isTrusted && !TRUST_FREE_COMMANDS.has(id);
}

/** Says why nothing happened and offers VS Code's own trust editor; never grants trust by itself. */
export async function offerWorkspaceTrust(): Promise<void> {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const answer = await vscode.window.showWarningMessage(untrustedSentence(), manage);
  if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
}
