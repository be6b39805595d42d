// Which engine objects a command acts on: the clicked tree node and the multi-selection, or, from the
// palette, one object picked in a QuickPick. Tree nodes carry their model (`node.container`, ...); the
// model itself is accepted too, so the command works with any view that hands it over.
import * as vscode from 'vscode';
import type { ContainerState, ContainerSummary } from '../models/container';
import type { ImageSummary } from '../models/image';
import type { NetworkSummary } from '../models/network';
import type { VolumeSummary } from '../models/volume';
import type { EngineSession } from '../session/engineSession';

export interface TargetModels {
  container: ContainerSummary;
  image: ImageSummary;
  network: NetworkSummary;
  volume: VolumeSummary;
}
export type TargetKind = keyof TargetModels;

/** Tells a model of each kind apart from the others by the fields only it has. */
const MODEL_SHAPES: Record<TargetKind, (value: Record<string, unknown>) => boolean> = {
  container: (v) => typeof v.id === 'string' && typeof v.state === 'string' && typeof v.imageId === 'string',
  image: (v) => typeof v.id === 'string' && Array.isArray(v.repoTags),
  network: (v) => typeof v.id === 'string' && typeof v.driver === 'string' && Array.isArray(v.ipam),
  volume: (v) => typeof v.name === 'string' && typeof v.mountpoint === 'string',
};

export function modelOf<K extends TargetKind>(kind: K, arg: unknown): TargetModels[K] | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const record = arg as Record<string, unknown>;
  const wrapped = record[kind];
  if (wrapped && typeof wrapped === 'object' && MODEL_SHAPES[kind](wrapped as Record<string, unknown>)) {
    // An image row stands for one tag of the image: tag, remove and copy act on that reference.
    if (kind === 'image' && typeof record.reference === 'string') return { ...(wrapped as ImageSummary), repoTags: [record.reference] } as unknown as TargetModels[K];
    return wrapped as TargetModels[K];
  }
  return MODEL_SHAPES[kind](record) ? (arg as TargetModels[K]) : undefined;
}

/** The selection when the clicked node is part of it (VS Code passes both), else the clicked node alone. */
export function modelsFromArgs<K extends TargetKind>(kind: K, node: unknown, nodes: unknown): TargetModels[K][] {
  const selection = Array.isArray(nodes) ? nodes.map((n) => modelOf(kind, n)).filter((m): m is TargetModels[K] => !!m) : [];
  const clicked = modelOf(kind, node);
  if (selection.length > 0 && (!clicked || selection.some((m) => keyOf(kind, m) === keyOf(kind, clicked)))) return selection;
  return clicked ? [clicked] : [];
}

export function keyOf<K extends TargetKind>(kind: K, model: TargetModels[K]): string {
  return kind === 'volume' ? (model as VolumeSummary).name : (model as { id: string }).id;
}

/** What a user calls the object: a container or network name, an image's first tag, a volume name. */
export function displayName<K extends TargetKind>(kind: K, model: TargetModels[K]): string {
  switch (kind) {
    case 'image': {
      const image = model as ImageSummary;
      return image.repoTags[0] ?? image.id.replace(/^sha256:/, '').slice(0, 12);
    }
    case 'volume': return (model as VolumeSummary).name;
    default: return (model as ContainerSummary | NetworkSummary).name;
  }
}

export interface PickOptions<K extends TargetKind> {
  readonly placeHolder: string;
  /** Only objects this accepts are offered, e.g. running containers for "stop". */
  readonly filter?: (model: TargetModels[K]) => boolean;
}

/** Tree args when there are any; otherwise a QuickPick of matching objects. Cancelling throws CancellationError. */
export async function resolveTargets<K extends TargetKind>(session: EngineSession, kind: K, node: unknown, nodes: unknown, pick: PickOptions<K>): Promise<TargetModels[K][]> {
  const fromTree = modelsFromArgs(kind, node, nodes);
  if (fromTree.length > 0) return fromTree;
  const models = (await listModels(session, kind)).filter(pick.filter ?? (() => true));
  if (models.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is nothing this command can act on right now.'));
    throw new vscode.CancellationError();
  }
  const items = offerable(kind, models).map((model) => ({ label: displayName(kind, model), description: describe(kind, model), model }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: pick.placeHolder, matchOnDescription: true });
  if (!picked) throw new vscode.CancellationError();
  return [picked.model];
}

/** Like the Images view, offer each tag of an image as its own choice. */
function offerable<K extends TargetKind>(kind: K, models: TargetModels[K][]): TargetModels[K][] {
  if (kind !== 'image') return models;
  return (models as ImageSummary[]).flatMap((i) => (i.repoTags.length > 1 ? i.repoTags.map((tag) => ({ ...i, repoTags: [tag] })) : [i])) as TargetModels[K][];
}

export async function listModels<K extends TargetKind>(session: EngineSession, kind: K): Promise<TargetModels[K][]> {
  const client = await session.client();
  const lists: { [P in TargetKind]: () => Promise<TargetModels[P][]> } = {
    container: () => client.listContainers(),
    image: () => client.listImages(),
    network: () => client.listNetworks(),
    volume: () => client.listVolumes(),
  };
  const models = await lists[kind]();
  return models.sort((a, b) => displayName(kind, a).localeCompare(displayName(kind, b))) as TargetModels[K][];
}

function describe<K extends TargetKind>(kind: K, model: TargetModels[K]): string {
  switch (kind) {
    case 'container': {
      const c = model as ContainerSummary;
      return `${c.image} · ${c.state}`;
    }
    case 'image': return (model as ImageSummary).id.replace(/^sha256:/, '').slice(0, 12);
    case 'network': return (model as NetworkSummary).driver;
    default: return (model as VolumeSummary).driver;
  }
}

export const isState = (...states: ContainerState[]) => (c: ContainerSummary) => states.includes(c.state);
