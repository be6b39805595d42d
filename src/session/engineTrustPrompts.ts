// What the user is told and asked about an engine's trust: an ssh host key seen for the first time (asked,
// with its fingerprint, like ssh's "Are you sure you want to continue connecting?"), TLS without
// verification and plain tcp (said once per address and window, never a popup per reconnect).
import * as vscode from 'vscode';
import type { EngineEndpoint, HostKeyQuestion } from '../engine/index';

export class EngineTrustPrompts {
  private readonly warned = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  confirmHostKey(question: HostKeyQuestion, engineLabel: string): Promise<boolean> {
    this.log.warn(`Unknown ssh host key for ${question.host}: ${question.keyType} ${question.fingerprint}; asking the user`);
    return confirmHostKey(question, engineLabel);
  }

  /** Says an endpoint's warning once per address and window. */
  warn(endpoint: EngineEndpoint): void {
    const key = `${endpoint.warning} ${endpoint.host}`;
    if (!endpoint.warning || this.warned.has(key)) return;
    this.warned.add(key);
    const message = endpointWarningText(endpoint);
    this.log.warn(message);
    void vscode.window.showWarningMessage(message);
  }
}

async function confirmHostKey(question: HostKeyQuestion, engineLabel: string): Promise<boolean> {
  const trust = vscode.l10n.t('Trust and Connect');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('The authenticity of the ssh host {0} (engine {1}) cannot be established.', question.host, engineLabel),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Its {0} key fingerprint is {1}. Compare it with the fingerprint the server\'s administrator gives you. If you trust it, Dockside adds it to {2} as ssh would.',
        question.keyType,
        question.fingerprint,
        question.knownHostsFile,
      ),
    },
    trust,
  );
  return answer === trust;
}

export function endpointWarningText(endpoint: EngineEndpoint): string {
  switch (endpoint.warning) {
    case 'plainTcp':
      return vscode.l10n.t('The engine {0} is reached over plain tcp without TLS: anyone on the network between you can control that engine and read what you send. Use TLS or ssh://.', endpoint.host);
    case 'tlsUnverified':
      return vscode.l10n.t('The engine {0} is reached over TLS without verifying its certificate: an attacker on the network could pose as it. Set DOCKER_TLS_VERIFY=1 with the CA in DOCKER_CERT_PATH.', endpoint.host);
    case 'tlsVerifyZero':
      return vscode.l10n.t('DOCKER_TLS_VERIFY is set to "0", which the docker CLI and Dockside read as "verify": the certificate of {0} is verified. To skip verification, unset DOCKER_TLS_VERIFY and set DOCKER_TLS=1.', endpoint.host);
    default:
      return '';
  }
}
