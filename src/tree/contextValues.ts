// Context values of every explorer node, derived from the model's state. Menus in package.json match them.
//
// The scheme: `<kind>` followed by `+<flag>` for each flag that holds, flags always in the order listed
// below, so a menu can match one flag with a regex wherever it sits:
//
//   "when": "viewItem =~ /^container\\b.*\\+running\\b/"          a running container (any view)
//   "when": "viewItem =~ /^image\\b.*\\+dangling\\b/"             a dangling image
//   "when": "viewItem =~ /^(container|networkContainer|volumeContainer)\\b/"   any container row
//
// kind              flags (in this order)
// container         state: +running +paused +restarting +removing +exited +created +dead
//                   health: +healthy +unhealthy +starting (only with a health check)
//                   +compose (has a compose project label), +ports (publishes ports)
// networkContainer  the same flags as container: a container row under a network (node.container)
// volumeContainer   the same flags as container: a container row under a volume (node.container)
// containerGroup    +composeProject | +state | +image | +network (what the group is)
// imageRepository   +dangling (the `<none>` group)
// image             +tagged | +dangling, then +inuse (a container uses it)
// network           +builtin | +custom, then +internal, +attachable, +inuse (containers attached)
// volume            +inuse | +unused
//
// Nodes that carry a container (container, networkContainer, volumeContainer) all expose
// `node.container: ContainerSummary`, so a container command works from any of them.
import type { ContainerSummary } from '../models/container';
import type { ImageSummary } from '../models/image';
import type { NetworkSummary } from '../models/network';
import type { VolumeSummary } from '../models/volume';

export type ContainerRowKind = 'container' | 'networkContainer' | 'volumeContainer';
export type ContainerGroupKind = 'composeProject' | 'state' | 'image' | 'network';

function compose(kind: string, flags: readonly (string | false | undefined)[]): string {
  return [kind, ...flags.filter((f): f is string => !!f)].join('+');
}

export function containerContextValue(c: ContainerSummary, kind: ContainerRowKind = 'container'): string {
  return compose(kind, [c.state, c.health !== 'none' && c.health, c.composeProject !== undefined && 'compose', c.ports.some((p) => p.publicPort) && 'ports']);
}

export function containerGroupContextValue(kind: ContainerGroupKind): string {
  return compose('containerGroup', [kind]);
}

export function imageRepositoryContextValue(dangling: boolean): string {
  return compose('imageRepository', [dangling && 'dangling']);
}

export function imageContextValue(image: ImageSummary, usedBy: number): string {
  return compose('image', [image.dangling ? 'dangling' : 'tagged', usedBy > 0 && 'inuse']);
}

export function networkContextValue(network: NetworkSummary, attached: number): string {
  return compose('network', [network.builtIn ? 'builtin' : 'custom', network.internal && 'internal', network.attachable && 'attachable', attached > 0 && 'inuse']);
}

export function volumeContextValue(_volume: VolumeSummary, usedBy: number): string {
  return compose('volume', [usedBy > 0 ? 'inuse' : 'unused']);
}
