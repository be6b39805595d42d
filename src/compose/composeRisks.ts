// What a compose project would do to the machine that a repository could slip in: host folders mounted,
// privileged containers, added capabilities, host network/pid/ipc, devices, ports published on every
// interface. Read from the CLI's rendered configuration (`config`: includes, overrides and variables
// applied), so what is shown is what will run. Bundled on its own (dist/composeRisks.js, with the YAML
// parser) and loaded only when a project is first brought up.
import * as l10n from '@vscode/l10n';
import { parse } from 'yaml';

interface RenderedService {
  privileged?: boolean;
  cap_add?: string[];
  network_mode?: string;
  pid?: string;
  ipc?: string;
  devices?: unknown[];
  volumes?: ({ type?: string; source?: string; target?: string } | string)[];
  ports?: ({ host_ip?: string; published?: string | number; target?: number } | string)[];
}

/** This bundle has its own copy of @vscode/l10n: give it the display language's strings. */
export function useTranslations(bundle: Record<string, string> | undefined): void {
  if (bundle) l10n.config({ contents: bundle });
}

export function projectRisks(renderedConfig: string): string[] {
  let config: { services?: Record<string, RenderedService> };
  try {
    config = (parse(renderedConfig, { maxAliasCount: 1000 }) ?? {}) as typeof config;
  } catch {
    return [l10n.t('The rendered configuration could not be read; check it with Show Rendered Configuration.')];
  }
  const risks: string[] = [];
  for (const [name, service] of Object.entries(config.services ?? {})) {
    if (!service || typeof service !== 'object') continue;
    if (service.privileged === true) risks.push(l10n.t('{0}: runs privileged (full access to the host)', name));
    if (Array.isArray(service.cap_add) && service.cap_add.length > 0) risks.push(l10n.t('{0}: adds capabilities {1}', name, service.cap_add.join(', ')));
    for (const key of ['network_mode', 'pid', 'ipc'] as const) if (service[key] === 'host') risks.push(l10n.t('{0}: uses the host {1} namespace', name, key.replace('_mode', '')));
    if (Array.isArray(service.devices) && service.devices.length > 0) risks.push(l10n.t('{0}: maps host devices', name));
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.type === 'bind' ? volume.source : undefined;
      if (source && source.startsWith('/')) risks.push(l10n.t('{0}: mounts the host path {1}', name, source));
    }
    for (const port of service.ports ?? []) {
      if (typeof port === 'string') {
        if (!/^(127\.|\[?::1\]?:|localhost:)/.test(port) && port.includes(':')) risks.push(l10n.t('{0}: publishes {1} on every interface', name, port));
      } else if (port && port.published !== undefined && !(port.host_ip ?? '').startsWith('127.') && port.host_ip !== '::1') {
        risks.push(l10n.t('{0}: publishes port {1} on every interface', name, String(port.published)));
      }
    }
  }
  return risks;
}
