// "Run Interactive": `docker run -it IMAGE`, with a terminal on the new container's main process.
import * as vscode from 'vscode';
import { imageReferenceFrom } from '../../run/imageArgument';
import { openRunTerminal } from '../../run/openRunTerminal';
import type { DeliveryServices } from './deliveryServices';

export function runImageInteractive(services: DeliveryServices) {
  return async (node?: unknown): Promise<string> => {
    const image = await imageReferenceFrom(services.session, node, vscode.l10n.t('Choose an image to run interactively'));
    const started = await services.runs.run({ image, mode: 'interactive' });
    await openRunTerminal(services.session, started);
    return started.id;
  };
}
