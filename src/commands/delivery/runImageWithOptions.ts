// "Run…": the form with every docker run option, for an image node, a saved configuration or the palette.
import * as vscode from 'vscode';
import { rememberRunConfiguration } from '../../run/confirmRunConfiguration';
import { imageReferenceFrom, localImageReferences } from '../../run/imageArgument';
import { openRunTerminal } from '../../run/openRunTerminal';
import { RunFormPanel } from '../../run/runFormPanel';
import type { RunOptions } from '../../models/run/runOptions';
import type { DeliveryServices } from './deliveryServices';

export function runImageWithOptions(services: DeliveryServices) {
  return async (node?: unknown): Promise<RunFormPanel> => {
    const initial: RunOptions = isRunOptions(node)
      ? node
      : { image: await imageReferenceFrom(services.session, node, vscode.l10n.t('Choose an image to run')), mode: 'detached' };
    return openRunForm(services, initial);
  };
}

/** The form over these options; `note` says what to know first (a preset's needs, a pull that failed). */
export async function openRunForm(services: DeliveryServices, initial: RunOptions, note?: string): Promise<RunFormPanel> {
  const [images, networks] = await Promise.all([localImageReferences(services.session), networkNames(services)]);
  return RunFormPanel.show(services.context.extensionUri, services.runs, initial, { images, networks, note }, {
    explain: services.explain,
    onSaved: (configuration) => rememberRunConfiguration(services.context.globalState, configuration),
    onStarted: async (started, options) => {
      if (options.mode === 'interactive') await openRunTerminal(services.session, started);
      else void vscode.window.setStatusBarMessage(vscode.l10n.t('Started {0} from {1}.', started.name, options.image), 5000);
    },
  });
}

function isRunOptions(value: unknown): value is RunOptions {
  return !!value && typeof value === 'object' && typeof (value as RunOptions).image === 'string' && !('repoTags' in value);
}

async function networkNames(services: DeliveryServices): Promise<string[]> {
  try {
    return (await (await services.session.client()).listNetworks()).map((n) => n.name).sort();
  } catch {
    return [];
  }
}
