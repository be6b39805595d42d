// A preset as the Run form's options: the same model saved configurations hold, so the form, Save and
// Copy as docker run work on it unchanged. Ports are bound to 127.0.0.1 here, the one place that decides it.
import { publishPortsOn } from '../../models/run/portInterfaces';
import type { RunOptions } from '../../models/run/runOptions';
import type { RunPreset } from './presetCatalog';

export function presetRunOptions(preset: RunPreset): RunOptions {
  const options: RunOptions = {
    image: preset.image,
    name: preset.name,
    mode: preset.mode ?? 'detached',
    restart: preset.restart,
    ports: preset.ports?.length ? publishPortsOn(preset.ports, 'loopback') : undefined,
    volumes: preset.volumes?.length ? [...preset.volumes] : undefined,
    env: preset.env?.length ? [...preset.env] : undefined,
    secretEnv: preset.secretEnv?.length ? [...preset.secretEnv] : undefined,
    command: preset.command,
    memory: preset.memory,
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as unknown as RunOptions;
}
