// `docker network create`: name, driver, addressing (checked before it reaches the engine), parent
// interface for macvlan/ipvlan, internal/attachable, labels.
import * as vscode from 'vscode';
import type { NetworkCreateRequest, NetworkDriver } from '../../engine/index';
import { checkAddressing, parseAddress, type AddressingIssue } from '../../manage/cidr';
import { parseLabels } from '../../manage/limits';
import { runSteps } from '../../manage/multiStep';
import type { ManageServices } from '../../manage/runOnTargets';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const DRIVERS: readonly NetworkDriver[] = ['bridge', 'macvlan', 'ipvlan', 'overlay'];

export function createNetwork(services: ManageServices) {
  return async (): Promise<string> => {
    const title = vscode.l10n.t('Create Network');
    type Answers = { name?: string; driver?: readonly vscode.QuickPickItem[]; subnet?: string; ipRange?: string; gateway?: string; parent?: string; flags?: readonly vscode.QuickPickItem[]; labels?: string };
    const driverOf = (a: Answers) => a.driver?.[0]?.label as NetworkDriver | undefined;
    const hasSubnet = (a: Answers) => !!a.subnet?.trim();
    const answers = await runSteps<Answers>(title, [
      { kind: 'text', key: 'name', prompt: vscode.l10n.t('Network name'), validate: (v) => (NAME.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits, "_", "." and "-", starting with a letter or digit.')) },
      { kind: 'pick', key: 'driver', placeholder: vscode.l10n.t('Driver'), items: () => DRIVERS.map((d) => ({ label: d, description: driverDescription(d) })) },
      { kind: 'text', key: 'subnet', prompt: vscode.l10n.t('Subnet in CIDR form, e.g. 10.176.241.0/24 (empty: the engine picks one)'), validate: (v) => addressingMessage(checkAddressing({ subnet: v })) },
      { kind: 'text', key: 'ipRange', when: hasSubnet, prompt: vscode.l10n.t('IP range for containers, a CIDR inside the subnet (optional)'), validate: (v, a) => addressingMessage(checkAddressing({ subnet: a.subnet, ipRange: v })) },
      { kind: 'text', key: 'gateway', when: hasSubnet, prompt: vscode.l10n.t('Gateway address inside the subnet (optional)'), validate: (v, a) => addressingMessage(checkAddressing({ subnet: a.subnet, gateway: v })) },
      { kind: 'text', key: 'parent', when: (a) => driverOf(a) === 'macvlan' || driverOf(a) === 'ipvlan', prompt: vscode.l10n.t('Parent host interface (-o parent=), e.g. eth0 or eth0.10'), validate: (v) => (/^[\w.@-]*$/.test(v.trim()) ? undefined : vscode.l10n.t('Not an interface name.')) },
      {
        kind: 'pick', key: 'flags', canPickMany: true, placeholder: vscode.l10n.t('Options (Enter to accept)'),
        items: (a) => [
          { label: 'internal', description: vscode.l10n.t('No route outside the network'), picked: false },
          { label: 'attachable', description: vscode.l10n.t('Standalone containers may join (overlay)'), picked: driverOf(a) === 'overlay' },
        ],
      },
      { kind: 'text', key: 'labels', prompt: vscode.l10n.t('Labels as key=value, separated by commas (optional)'), validate: (v) => labelsMessage(v) },
    ], {});
    const name = answers.name ?? '';
    const subnet = hasSubnet(answers) ? answers.subnet! : '';
    const ipRange = subnet ? answers.ipRange ?? '' : '';
    const gateway = subnet ? answers.gateway ?? '' : '';
    const needsParent = driverOf(answers) === 'macvlan' || driverOf(answers) === 'ipvlan';
    const parent = needsParent ? answers.parent ?? '' : '';
    const flags = answers.flags ?? [];
    const labels = parseLabels(answers.labels ?? '') ?? {};
    const driver = { label: driverOf(answers) ?? 'bridge' };
    const request: NetworkCreateRequest = {
      name: name.trim(),
      driver: driver.label,
      subnet: subnet.trim() || undefined,
      ipRange: ipRange.trim() || undefined,
      gateway: gateway.trim() || undefined,
      parent: parent.trim() || undefined,
      internal: flags.some((f) => f.label === 'internal'),
      attachable: flags.some((f) => f.label === 'attachable'),
      labels,
    };
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    try {
      return await engine.createNetwork(client, request);
    } finally {
      services.refreshViews();
    }
  };
}

export function labelsMessage(value: string): string | undefined {
  return parseLabels(value) ? undefined : vscode.l10n.t('Write labels as key=value, separated by commas.');
}

/** The sentence for the first addressing problem, for an input box's validation. */
export function addressingMessage(issues: readonly AddressingIssue[]): string | undefined {
  const issue = issues[0];
  if (!issue) return undefined;
  const field = issue.field === 'subnet' ? vscode.l10n.t('Subnet') : issue.field === 'ipRange' ? vscode.l10n.t('IP range') : vscode.l10n.t('Gateway');
  switch (issue.problem) {
    case 'notCidr': return vscode.l10n.t('{0}: not a CIDR such as 10.176.241.0/24 or fd00:1::/64.', field);
    case 'hostBitsSet': return vscode.l10n.t('{0}: the address has host bits set; did you mean {1}?', field, issue.suggestion ?? '');
    case 'notAddress': return vscode.l10n.t('{0}: not an IP address such as 10.176.241.1.', field);
    case 'outsideSubnet': return vscode.l10n.t('{0}: lies outside the subnet.', field);
    case 'needsSubnet': return vscode.l10n.t('{0}: needs a subnet.', field);
    case 'familyMismatch': return vscode.l10n.t('{0}: mixes IPv4 and IPv6 with the subnet.', field);
  }
}

export function addressMessage(value: string): string | undefined {
  return !value.trim() || parseAddress(value) ? undefined : vscode.l10n.t('Not an IP address such as 10.176.241.22.');
}

function driverDescription(driver: NetworkDriver): string {
  switch (driver) {
    case 'bridge': return vscode.l10n.t('Containers on this host, NAT to the outside (default)');
    case 'macvlan': return vscode.l10n.t('Containers appear as machines on the parent interface\'s LAN');
    case 'ipvlan': return vscode.l10n.t('Like macvlan, sharing the parent\'s MAC address');
    case 'overlay': return vscode.l10n.t('Spans the hosts of a swarm');
  }
}
