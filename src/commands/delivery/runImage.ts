// Quick "Run": the image with its defaults, detached, like `docker run -d IMAGE`.
import * as vscode from 'vscode';
import { imageReferenceFrom } from '../../run/imageArgument';
import type { DeliveryServices } from './deliveryServices';

export function runImage(services: DeliveryServices) {
  return async (node?: unknown): Promise<string> => {
    const image = await imageReferenceFrom(services.session, node, vscode.l10n.t('Choose an image to run'));
    const started = await services.runs.run({ image, mode: 'detached' });
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Started {0} from {1}.', started.name, image), 5000);
    return started.id;
  };
}
