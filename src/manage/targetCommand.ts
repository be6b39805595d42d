// The shape shared by commands that do one engine call per selected object and need no further input
// (start, stop, pause, inspect, ...): resolve the targets, run on all of them, report failures by name.
import { displayName, resolveTargets, type TargetKind, type TargetModels } from './targets';
import { runOnTargets, type ManageServices } from './runOnTargets';
import type { EngineClient } from '../engine/index';

type EngineModule = typeof import('../engine/index');

export interface TargetCommandSpec<K extends TargetKind> {
  readonly kind: K;
  /** The palette's QuickPick placeholder, e.g. "Choose a container to stop". */
  readonly placeHolder: () => string;
  /** Which objects the palette offers (the menus' when-clauses do the same for the tree). */
  readonly filter?: (model: TargetModels[K]) => boolean;
  readonly progressTitle: () => string;
  readonly sequential?: boolean;
  readonly run: (engine: EngineModule, client: EngineClient, model: TargetModels[K]) => Promise<unknown>;
}

export function targetCommand<K extends TargetKind>(services: ManageServices, spec: TargetCommandSpec<K>) {
  return async (node?: unknown, nodes?: unknown): Promise<void> => {
    const targets = await resolveTargets(services.session, spec.kind, node, nodes, { placeHolder: spec.placeHolder(), filter: spec.filter });
    const engine = await services.session.engine();
    await runOnTargets(services, targets, (t) => displayName(spec.kind, t), (client, t) => spec.run(engine, client, t), {
      progressTitle: spec.progressTitle(),
      sequential: spec.sequential,
    });
  };
}

/** Container commands are the most common case. */
export function containerCommand(services: ManageServices, spec: Omit<TargetCommandSpec<'container'>, 'kind'>) {
  return targetCommand(services, { kind: 'container', ...spec });
}
