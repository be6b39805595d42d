// Which containers a command acts on: the tree's selection when invoked from the Containers view (a node
// carrying `container`, or the summary itself), otherwise the user's choice in a QuickPick.
import * as vscode from 'vscode';
import type { ContainerSummary } from '../models/container';
import type { EngineSession } from '../session/engineSession';
import { statusWords } from '../tree/containers/statusWords';

export type ContainerArgument = { readonly container?: ContainerSummary } | ContainerSummary | undefined;

function asContainer(value: unknown): ContainerSummary | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const node = value as { container?: ContainerSummary } & Partial<ContainerSummary>;
  if (node.container && typeof node.container.id === 'string') return node.container;
  return typeof node.id === 'string' && typeof node.name === 'string' && typeof node.state === 'string' ? (node as ContainerSummary) : undefined;
}

/** The containers passed by the tree: the multi-selection when there is one, else the clicked node. */
export function containersFromArguments(node: unknown, nodes: unknown): ContainerSummary[] {
  const selection = Array.isArray(nodes) ? nodes.map(asContainer).filter((c): c is ContainerSummary => !!c) : [];
  if (selection.length > 0) return selection;
  const one = asContainer(node);
  return one ? [one] : [];
}

export interface PickOptions {
  readonly placeholder: string;
  /** Offer only these states (e.g. running for stats); all containers otherwise. */
  readonly states?: readonly ContainerSummary['state'][];
}

/** The container given by the tree, or one chosen in a QuickPick; throws CancellationError when dismissed. */
export async function targetContainer(session: EngineSession, node: unknown, options: PickOptions): Promise<ContainerSummary> {
  const [given] = containersFromArguments(node, undefined);
  if (given) return given;
  return pickContainer(session, options);
}

/** The tree's selection (all of it), or one container chosen in a QuickPick. */
export async function targetContainers(session: EngineSession, node: unknown, nodes: unknown, options: PickOptions): Promise<ContainerSummary[]> {
  const given = containersFromArguments(node, nodes);
  return given.length > 0 ? given : [await pickContainer(session, options)];
}

async function pickContainer(session: EngineSession, options: PickOptions): Promise<ContainerSummary> {
  const client = await session.client();
  const all = await client.listContainers();
  const offered = options.states ? all.filter((c) => options.states!.includes(c.state)) : all;
  if (offered.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no container to choose from.'));
    throw new vscode.CancellationError();
  }
  const items = offered.map((c) => ({ label: c.name, description: c.image, detail: statusWords(c.status), container: c }));
  const chosen = await vscode.window.showQuickPick(items, { placeHolder: options.placeholder, matchOnDescription: true });
  if (!chosen) throw new vscode.CancellationError();
  return chosen.container;
}
