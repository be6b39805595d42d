// What the swarm commands share (issue 17): the session, the swarm views' watch (its snapshot answers the
// pickers, and a refresh after init/leave), the read-only documents and the terminals for service logs.
// A command called from a row gets the row's node; from the palette it asks with a QuickPick.
import * as vscode from 'vscode';
import type { EngineClient } from '../../engine/index';
import type { ReadOnlyDocuments } from '../../inspect/readOnlyDocuments';
import type { SwarmNode, SwarmObject, SwarmService } from '../../models/swarm';
import type { SessionServices } from '../../session/sessionServices';
import type { TerminalServices } from '../../terminals/terminalServices';
import type { SwarmWatch } from '../../tree/swarm/swarmWatch';

type EngineModule = typeof import('../../engine/index');

export interface SwarmCommandServices extends SessionServices {
  readonly swarm: SwarmWatch;
  readonly documents: ReadOnlyDocuments;
  readonly terminals: TerminalServices;
}

export async function engineAndClient(services: SessionServices): Promise<[EngineModule, EngineClient]> {
  return Promise.all([services.session.engine(), services.session.client()]);
}

/** The snapshot, read first when no swarm view has read it yet (a palette call before the views showed). */
async function snapshotOf(services: SwarmCommandServices) {
  if (services.swarm.state?.role !== 'manager') await services.swarm.refresh();
  if (services.swarm.state?.role !== 'manager') {
    // Not an engine failure: one sentence that says what to do, and the command ends quietly.
    void vscode.window.showInformationMessage(vscode.l10n.t('This engine is not a swarm manager: initialise a swarm (Dockside: Initialise a Swarm…) or connect to a manager.'));
    throw new vscode.CancellationError();
  }
  return services.swarm.snapshot;
}

async function pick<T>(items: readonly T[], label: (t: T) => string, description: (t: T) => string, placeHolder: string, empty: string): Promise<T> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(empty);
    throw new vscode.CancellationError();
  }
  const choice = await vscode.window.showQuickPick(items.map((item) => ({ label: label(item), description: description(item), item })), { placeHolder, ignoreFocusOut: true });
  if (!choice) throw new vscode.CancellationError();
  return choice.item;
}

export async function serviceArgument(services: SwarmCommandServices, node: unknown, placeHolder: string): Promise<SwarmService> {
  const given = (node as { service?: SwarmService } | undefined)?.service;
  if (given) return given;
  const snapshot = await snapshotOf(services);
  return pick(snapshot.services, (s) => s.name, (s) => s.image, placeHolder, vscode.l10n.t('The swarm has no services.'));
}

export async function nodeArgument(services: SwarmCommandServices, node: unknown, placeHolder: string): Promise<SwarmNode> {
  const given = (node as { node?: SwarmNode } | undefined)?.node;
  if (given && typeof given === 'object') return given;
  const snapshot = await snapshotOf(services);
  return pick(snapshot.nodes, (n) => n.hostname, (n) => `${n.role} · ${n.availability} · ${n.status}`, placeHolder, vscode.l10n.t('The swarm has no nodes.'));
}

export type ObjectKind = 'secret' | 'config';

export async function objectArgument(services: SwarmCommandServices, kind: ObjectKind, node: unknown, placeHolder: string): Promise<SwarmObject> {
  const given = (node as { object?: SwarmObject } | undefined)?.object;
  if (given) return given;
  const snapshot = await snapshotOf(services);
  const list = kind === 'secret' ? snapshot.secrets : snapshot.configs;
  return pick(list, (o) => o.name, (o) => o.id.slice(0, 12), placeHolder, kind === 'secret' ? vscode.l10n.t('The swarm has no secrets.') : vscode.l10n.t('The swarm has no configs.'));
}
