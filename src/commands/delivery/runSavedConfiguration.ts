// Runs a run configuration saved in the settings (argument: its name; from the palette: a QuickPick); one from
// the workspace's settings is reviewed with the user before its first run.
import * as vscode from 'vscode';
import { confirmRunConfiguration } from '../../run/confirmRunConfiguration';
import { openRunTerminal } from '../../run/openRunTerminal';
import { configurationFromArgument } from '../../run/runConfigurations';
import type { DeliveryServices } from './deliveryServices';

export function runSavedConfiguration(services: DeliveryServices) {
  return async (argument?: unknown): Promise<string | undefined> => {
    const configuration = await configurationFromArgument(argument, vscode.l10n.t('Choose a run configuration to run'));
    if (!configuration) return undefined;
    // From the workspace's settings (a repository can write them): show what it does and ask, once per content.
    if (!(await confirmRunConfiguration(services.context.globalState, configuration))) return undefined;
    const started = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: services.session.titled(vscode.l10n.t('Running "{0}"…', configuration.name)) },
      () => services.runs.run(configuration.options),
    );
    if (configuration.options.mode === 'interactive') await openRunTerminal(services.session, started);
    else void vscode.window.setStatusBarMessage(vscode.l10n.t('Started {0} from {1}.', started.name, configuration.options.image), 5000);
    return started.id;
  };
}
