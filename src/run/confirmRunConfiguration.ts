// Before the first run of a saved configuration that came from the workspace's settings (which a cloned
// repository can write), show what it will do and ask. The answer is kept per configuration content in the
// user's global state: a configuration that changes afterwards is a new one and is shown again.
import * as vscode from 'vscode';
import { dockerRunLine } from './dockerRunLine';
import { runConfigurationEffects, runConfigurationFindings, runConfigurationFingerprint } from './runConfigurationReview';
import type { RunConfiguration } from './runConfigurations';

const CONFIRMED_KEY = 'dockside.run.confirmedConfigurations';
/** Enough for every configuration a user keeps; the oldest confirmations go first. */
const MAX_REMEMBERED = 500;

export async function confirmRunConfiguration(state: vscode.Memento, configuration: RunConfiguration): Promise<boolean> {
  if (configuration.origin === 'user') return true;
  const fingerprint = runConfigurationFingerprint({ name: configuration.name, options: configuration.options });
  const confirmed = state.get<string[]>(CONFIRMED_KEY, []);
  if (confirmed.includes(fingerprint)) return true;

  if (!(await askToRun(configuration))) return false;
  await state.update(CONFIRMED_KEY, [...confirmed, fingerprint].slice(-MAX_REMEMBERED));
  return true;
}

interface ReviewItem extends vscode.QuickPickItem {
  readonly answer?: 'run' | 'cancel';
}

/**
 * The review, as a QuickPick: what it runs, what it reaches on this machine, the checks; then Run or Cancel.
 * Enter on a line of the review does nothing, so running takes an explicit choice of Run.
 */
function askToRun(configuration: RunConfiguration): Promise<boolean> {
  const effects = runConfigurationEffects(configuration.options);
  const findings = runConfigurationFindings(configuration.options);
  const separator = (label: string): ReviewItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: ReviewItem[] = [
    { label: `$(shield) ${vscode.l10n.t('This configuration comes from the workspace settings, not from your own. It runs:')}` },
    { label: `$(terminal) ${dockerRunLine(configuration.options)}` },
    // No label on this separator: a label takes half of the row, and the sentences below need all of it.
    separator(''),
    ...(effects.length ? [{ label: `$(warning) ${vscode.l10n.t('It reaches beyond the container:')}` }, ...effects.map((e) => ({ label: `$(warning) ${e}` }))] : [{ label: `$(check) ${vscode.l10n.t('It mounts no host folder and asks for no extra privileges.')}` }]),
    ...(findings.length ? [separator(vscode.l10n.t('Checks:')), ...findings.map((f) => ({ label: `$(info) ${f}` }))] : []),
    separator(''),
    { label: `$(play) ${vscode.l10n.t('Run')}`, answer: 'run' },
    { label: `$(close) ${vscode.l10n.t('Cancel')}`, answer: 'cancel' },
  ];
  const pick = vscode.window.createQuickPick<ReviewItem>();
  pick.title = vscode.l10n.t('Run "{0}" for the first time?', configuration.name);
  pick.placeholder = vscode.l10n.t('Read what it does, then choose Run or Cancel.');
  pick.items = items;
  pick.matchOnDescription = false;
  pick.ignoreFocusOut = true;
  return new Promise<boolean>((resolve) => {
    pick.onDidAccept(() => {
      const answer = pick.selectedItems[0]?.answer;
      if (!answer) return;
      resolve(answer === 'run');
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(false);
      pick.dispose();
    });
    pick.show();
  });
}

/** A configuration the user just built and saved in the form is theirs: it needs no second confirmation. */
export async function rememberRunConfiguration(state: vscode.Memento, configuration: RunConfiguration): Promise<void> {
  const fingerprint = runConfigurationFingerprint({ name: configuration.name, options: configuration.options });
  const confirmed = state.get<string[]>(CONFIRMED_KEY, []);
  if (!confirmed.includes(fingerprint)) await state.update(CONFIRMED_KEY, [...confirmed, fingerprint].slice(-MAX_REMEMBERED));
}
