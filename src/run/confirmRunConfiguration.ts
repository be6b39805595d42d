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

  const effects = runConfigurationEffects(configuration.options);
  const findings = runConfigurationFindings(configuration.options);
  const detail = [
    vscode.l10n.t('This configuration comes from the workspace settings, not from your own. It runs:'),
    dockerRunLine(configuration.options),
    ...(effects.length ? ['', vscode.l10n.t('It reaches beyond the container:'), ...effects.map((e) => `• ${e}`)] : ['', vscode.l10n.t('It mounts no host folder and asks for no extra privileges.')]),
    ...(findings.length ? ['', vscode.l10n.t('Checks:'), ...findings.map((f) => `• ${f}`)] : []),
  ].join('\n');
  const run = vscode.l10n.t('Run');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Run "{0}" for the first time?', configuration.name), { modal: true, detail }, run);
  if (answer !== run) return false;
  await state.update(CONFIRMED_KEY, [...confirmed, fingerprint].slice(-MAX_REMEMBERED));
  return true;
}

/** A configuration the user just built and saved in the form is theirs: it needs no second confirmation. */
export async function rememberRunConfiguration(state: vscode.Memento, configuration: RunConfiguration): Promise<void> {
  const fingerprint = runConfigurationFingerprint({ name: configuration.name, options: configuration.options });
  const confirmed = state.get<string[]>(CONFIRMED_KEY, []);
  if (!confirmed.includes(fingerprint)) await state.update(CONFIRMED_KEY, [...confirmed, fingerprint].slice(-MAX_REMEMBERED));
}
