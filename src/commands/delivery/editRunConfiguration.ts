// Opens a saved run configuration in the Run… form, to change it, run it or copy its line.
import * as vscode from 'vscode';
import { configurationFromArgument } from '../../run/runConfigurations';
import type { DeliveryServices } from './deliveryServices';
import { runImageWithOptions } from './runImageWithOptions';

export function editRunConfiguration(services: DeliveryServices) {
  const openForm = runImageWithOptions(services);
  return async (argument?: unknown): Promise<unknown> => {
    const configuration = await configurationFromArgument(argument, vscode.l10n.t('Open which run configuration?'));
    return configuration ? openForm(configuration.options) : undefined;
  };
}
