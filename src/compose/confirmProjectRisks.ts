// Before a project first comes up from the editor, shows what it would do to this machine (host mounts,
// privileged, capabilities, host namespaces, devices, ports on every interface) and asks. The answer is
// remembered for exactly that list: a change to the files that adds a risk asks again.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { ComposeProjectSpec } from './composeProject';
import type { ComposeService } from './composeService';
import { confirmChoice } from '../manage/runOnTargets';

const KEY = 'dockside.compose.confirmedRisks';

/** Needs only the runner and the workspace state, so the compose tasks ask the same way. */
export async function confirmProjectRisks(ctx: { readonly compose: ComposeService; readonly workspaceState: vscode.Memento }, spec: ComposeProjectSpec): Promise<boolean> {
  const rendered = await ctx.compose.run({ spec, args: ['config'], title: vscode.l10n.t('Render configuration'), quiet: true });
  return confirmRenderedRisks(ctx.workspaceState, spec, rendered.stdout);
}

/** The same review over a project already rendered by `config` (the compose tasks render it themselves). */
export async function confirmRenderedRisks(workspaceState: vscode.Memento, spec: ComposeProjectSpec, rendered: string): Promise<boolean> {
  // The path ends in compose/composeRisks: the build ships that module as its own lazily loaded bundle.
  const { projectRisks, useTranslations } = await import('../compose/composeRisks');
  useTranslations(vscode.l10n.bundle);
  const risks = projectRisks(rendered);
  if (risks.length === 0) return true;
  const fingerprint = createHash('sha256').update(JSON.stringify([spec.directory, spec.files, risks])).digest('hex');
  const confirmed = workspaceState.get<string[]>(KEY, []);
  if (confirmed.includes(fingerprint)) return true;
  const proceed = vscode.l10n.t('Bring It Up');
  const cancel = vscode.l10n.t('Cancel');
  const answer = await confirmChoice(vscode.l10n.t('This compose project reaches into this machine. Bring it up?'), risks.slice(0, 20).join('\n\n'), proceed, cancel);
  if (answer !== proceed) return false;
  await workspaceState.update(KEY, [...confirmed.slice(-200), fingerprint]);
  return true;
}
