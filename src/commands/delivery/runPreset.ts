// "Run a Preset…": one of the handbook's services (redis, mysql, …) opened in the Run form, prefilled, to
// change, run or save like any run configuration. An image the engine lacks is named first, with a pull
// offered; a pull that fails says why and still opens the form, with nothing created.
import * as vscode from 'vscode';
import { pullFailureWords } from '../../registries/pullFailureWords';
import type { RegistryCredentialStore } from '../../registries/registryCredentials';
import { presetById, RUN_PRESETS, type RunPreset } from '../../run/presets/presetCatalog';
import { presetRunOptions } from '../../run/presets/presetRunOptions';
import { readSysctl, sysctlShortfall } from '../../run/presets/sysctlCheck';
import { Refusal } from '../../run/refusal';
import type { RunFormPanel } from '../../run/runFormPanel';
import type { DeliveryServices } from './deliveryServices';
import { pullImage } from './pullImage';
import { openRunForm } from './runImageWithOptions';

export function runPreset(services: DeliveryServices, credentials: RegistryCredentialStore) {
  const pull = pullImage(services, credentials);
  return async (argument?: unknown): Promise<RunFormPanel | undefined> => {
    const preset = typeof argument === 'string' ? presetById(argument) : await pickPreset();
    if (typeof argument === 'string' && !preset) throw new Refusal(vscode.l10n.t('There is no run preset "{0}".', argument));
    if (!preset) return undefined;
    const options = presetRunOptions(preset);
    const notes = [preset.note?.(), ...(await sysctlShortfalls(services, preset))];
    if (!(await imageIsLocal(services, options.image))) {
      const pullLabel = vscode.l10n.t('Pull {0}', options.image);
      const formLabel = vscode.l10n.t('Open the Form');
      // A notification, not a modal dialog: the question can wait while the user looks at the engine.
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('The image {0} is not on this engine. Pull it now, or open the preset in the form and choose an image the engine has.', options.image),
        pullLabel,
        formLabel,
      );
      if (!answer) return undefined;
      if (answer === pullLabel) {
        const failure = await pullFailure(services, pull, options.image);
        if (failure === 'cancelled') return undefined;
        if (failure) notes.unshift(failure);
      }
    }
    return openRunForm(services, options, notes.filter(Boolean).join('\n') || undefined);
  };
}

/** Pulls; on failure the sentence (also shown, the whole error logged), nothing when it worked. */
async function pullFailure(services: DeliveryServices, pull: (reference: string) => Promise<string>, image: string): Promise<string | 'cancelled' | undefined> {
  try {
    await pull(image);
    return undefined;
  } catch (error) {
    if (error instanceof vscode.CancellationError || (error as { code?: string }).code === 'cancelled') return 'cancelled';
    const sentence = `${pullFailureWords(image, error)} ${vscode.l10n.t('Nothing was created; the preset is open in the form.')}`;
    services.log.error(sentence, error);
    void vscode.window.showWarningMessage(sentence);
    return sentence;
  }
}

async function pickPreset(): Promise<RunPreset | undefined> {
  const picked = await vscode.window.showQuickPick(
    RUN_PRESETS.map((preset) => ({ label: preset.label, description: preset.image, detail: preset.description(), preset })),
    { title: vscode.l10n.t('Run a Preset'), placeHolder: vscode.l10n.t('Choose a service; it opens in the Run form to change before it runs'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.preset;
}

/** Only when the engine runs on this machine (a unix socket): its kernel is the one read here. */
async function sysctlShortfalls(services: DeliveryServices, preset: RunPreset): Promise<string[]> {
  const state = services.session.state;
  if (!preset.sysctlMinimums?.length || state.kind !== 'connected' || !state.endpoint.host.startsWith('unix://')) return [];
  const found = await Promise.all(preset.sysctlMinimums.map(async ({ name, minimum }) => {
    const value = await readSysctl(name);
    return value === undefined ? undefined : sysctlShortfall(name, value, minimum);
  }));
  return found.filter((s): s is string => !!s);
}

async function imageIsLocal(services: DeliveryServices, image: string): Promise<boolean> {
  const images = await (await services.session.client()).listImages();
  return images.some((i) => i.repoTags.includes(image));
}
