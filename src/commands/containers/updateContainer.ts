// `docker update`: CPU shares, CPUs, memory and swap, restart policy, asked one by one with the
// container's current values as defaults; only what changed is sent.
import * as vscode from 'vscode';
import type { ContainerLimits } from '../../engine/index';
import { formatByteSize, formatCpus, formatRestartPolicy, parseByteSize, parseCpus, parseRestartPolicy } from '../../manage/limits';
import { runOnTargets, type ManageServices } from '../../manage/runOnTargets';
import { resolveTargets } from '../../manage/targets';

export function updateContainer(services: ManageServices) {
  return async (node?: unknown, nodes?: unknown): Promise<void> => {
    const [container] = await resolveTargets(services.session, 'container', node, nodes, { placeHolder: vscode.l10n.t('Choose a container to update') });
    const [engine, client] = await Promise.all([services.session.engine(), services.session.client()]);
    const current = await engine.containerLimits(client, container.id);
    const title = vscode.l10n.t('Update {0}', container.name);
    const sizeHint = vscode.l10n.t('Bytes or with a unit: 512m, 1g; 0 for no limit.');
    const cpuShares = await askParsed(title, vscode.l10n.t('CPU shares (relative weight, default 1024; 0 for the default)'), String(current.cpuShares), (v) => (/^\d+$/.test(v.trim()) ? Number(v) : undefined));
    const nanoCpus = await askParsed(title, vscode.l10n.t('CPUs, e.g. 1.5 (0 for no limit)'), formatCpus(current.nanoCpus), parseCpus);
    const memoryBytes = await askParsed(title, vscode.l10n.t('Memory limit. {0}', sizeHint), formatByteSize(current.memoryBytes), parseByteSize);
    const memorySwapBytes = await askParsed(title, vscode.l10n.t('Memory plus swap. {0} -1 for unlimited swap.', sizeHint), formatByteSize(current.memorySwapBytes), parseByteSize);
    const restartPolicy = await askParsed(title, vscode.l10n.t('Restart policy: no, always, unless-stopped, on-failure or on-failure:N'), formatRestartPolicy(current.restartPolicy), parseRestartPolicy);
    const wanted: ContainerLimits = { cpuShares, nanoCpus, memoryBytes, memorySwapBytes, restartPolicy };
    const changes = changedLimits(current, wanted);
    if (Object.keys(changes).length === 0) return;
    let warnings: string[] = [];
    await runOnTargets(services, [container], (c) => c.name, async (_, c) => (warnings = await engine.updateContainer(client, c.id, changes)), { progressTitle: title });
    if (warnings.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('The engine updated {0} with warnings: {1}', container.name, warnings.join(' ')));
  };
}

function changedLimits(current: ContainerLimits, wanted: ContainerLimits): Partial<ContainerLimits> {
  const changes: { -readonly [K in keyof ContainerLimits]?: ContainerLimits[K] } = {};
  if (wanted.cpuShares !== current.cpuShares) changes.cpuShares = wanted.cpuShares;
  if (wanted.nanoCpus !== current.nanoCpus) changes.nanoCpus = wanted.nanoCpus;
  // The engine checks memory against swap, so a change to either sends both.
  if (wanted.memoryBytes !== current.memoryBytes || wanted.memorySwapBytes !== current.memorySwapBytes) {
    changes.memoryBytes = wanted.memoryBytes;
    if (wanted.memorySwapBytes !== 0) changes.memorySwapBytes = wanted.memorySwapBytes;
  }
  if (formatRestartPolicy(wanted.restartPolicy) !== formatRestartPolicy(current.restartPolicy)) changes.restartPolicy = wanted.restartPolicy;
  return changes;
}

async function askParsed<T>(title: string, prompt: string, value: string, parse: (text: string) => T | undefined): Promise<T> {
  const text = await vscode.window.showInputBox({
    title,
    prompt,
    value,
    ignoreFocusOut: true,
    validateInput: (v) => (parse(v) === undefined ? vscode.l10n.t('Not a valid value: {0}', v) : undefined),
  });
  if (text === undefined) throw new vscode.CancellationError();
  return parse(text)!;
}
