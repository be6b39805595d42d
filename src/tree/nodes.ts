// The explorer's tree elements: the contract for commands hung on the views (issues 4–6). Every node
// carries its model and a stable id; a command gets `(node, nodes)` from the menu and reads the model,
// e.g. `node.container.id`. Nodes never hold a client. The model fields are replaced when the engine
// reports a change, the node object itself stays (VS Code repaints a row by its element).
import type { ContainerMount, ContainerNetworkAttachment, ContainerSummary } from '../models/container';
import type { ImageSummary } from '../models/image';
import type { NetworkSummary } from '../models/network';
import type { VolumeSummary } from '../models/volume';
import type { ContainerChildNode } from './containers/containerChildren';
import type { ContainerGroupKind } from './contextValues';

/** A container row in the Containers view. */
export interface ContainerNode {
  readonly kind: 'container';
  /** The engine id, or `<group id>/<engine id>` when the container shows under several groups (network). */
  readonly id: string;
  container: ContainerSummary;
}

/** A group of containers: a compose project, a state, an image or a network. */
export interface ContainerGroupNode {
  readonly kind: 'containerGroup';
  readonly id: string;
  readonly groupKind: ContainerGroupKind;
  /** The compose project name, state, image reference or network name. */
  readonly key: string;
  containers: readonly ContainerSummary[];
}

/** A compose service with several replicas, under its project: its containers are its children. */
export interface ComposeServiceNode {
  readonly kind: 'composeService';
  readonly id: string;
  readonly project: string;
  readonly service: string;
  containers: readonly ContainerSummary[];
}

/** A repository in the Images view (`<none>` for dangling images); its children are its tags. */
export interface ImageRepositoryNode {
  readonly kind: 'imageRepository';
  readonly id: string;
  readonly repository: string;
  readonly dangling: boolean;
}

/** One tag of an image (or a dangling image). */
export interface ImageNode {
  readonly kind: 'image';
  readonly id: string;
  image: ImageSummary;
  /** "repo:tag"; undefined for a dangling image. */
  readonly reference?: string;
  readonly repository: string;
  /** The tag, or the short id for a dangling image. */
  readonly tag: string;
}

export interface NetworkNode {
  readonly kind: 'network';
  readonly id: string;
  network: NetworkSummary;
}

/** A container attached to a network, with its address on it. */
export interface NetworkContainerNode {
  readonly kind: 'networkContainer';
  readonly id: string;
  container: ContainerSummary;
  network: NetworkSummary;
  attachment: ContainerNetworkAttachment;
}

export interface VolumeNode {
  readonly kind: 'volume';
  readonly id: string;
  volume: VolumeSummary;
}

/** A container that mounts a volume. */
export interface VolumeContainerNode {
  readonly kind: 'volumeContainer';
  readonly id: string;
  container: ContainerSummary;
  volume: VolumeSummary;
  mount: ContainerMount;
}

export type ContainerCarrier = ContainerNode | NetworkContainerNode | VolumeContainerNode;
export type ContainersViewNode = ContainerNode | ContainerGroupNode | ContainerChildNode | ComposeServiceNode;
export type ImagesViewNode = ImageRepositoryNode | ImageNode;
export type NetworksViewNode = NetworkNode | NetworkContainerNode;
export type VolumesViewNode = VolumeNode | VolumeContainerNode;
export type ExplorerNode = ContainersViewNode | ImagesViewNode | NetworksViewNode | VolumesViewNode;

/** True for every node a container command can act on, in any view. */
export function carriesContainer(node: unknown): node is ContainerCarrier {
  const kind = (node as { kind?: string } | undefined)?.kind;
  return kind === 'container' || kind === 'networkContainer' || kind === 'volumeContainer';
}
