// What the primary engine's Containers view can show before the session has connected and read (issue 20):
// the containers an earlier window saved for the engine the session would dial, or else, for an engine on a
// local socket, a quick read of them (engine/quickContainerList.ts). Decided first thing in activate(), so
// the engine lists its containers while the rest of the extension is set up.
import * as vscode from 'vscode';
import type { ColdTimeline } from '../coldTimeline';
import { localSocketPath } from '../engine/connection';
import { quickContainerList } from '../engine/quickContainerList';
import type { ContainerSummary } from '../models/container';
import type { EngineSession } from '../session/engineSession';
import type { ExplorerSnapshots } from './explorerSnapshots';

/** A local engine that has not answered the quick read by then is left to the session. */
const QUICK_READ_TIMEOUT_MS = 1000;

export interface FirstRows {
  /** The host the session would dial, resolved without the engine bundle. */
  readonly host?: string;
  /** An earlier window's containers of that engine. */
  readonly lastSeen?: readonly ContainerSummary[];
  /** Without them, the quick read of a local engine: undefined when it gave nothing. */
  readonly quickRead?: Promise<readonly ContainerSummary[] | undefined>;
}

export function firstRowsOf(session: EngineSession, snapshots: ExplorerSnapshots, timeline?: ColdTimeline): FirstRows {
  // Restricted Mode dials nothing: its views show why, not an engine's rows.
  if (!vscode.workspace.isTrusted) return {};
  const host = session.hostWithoutEngine();
  if (!host) return {};
  const lastSeen = snapshots.load(host);
  if (lastSeen?.length) return { host, lastSeen };
  if (!localSocketPath(host)) return { host };
  const quickRead = quickContainerList(host, QUICK_READ_TIMEOUT_MS).then((read) => {
    timeline?.mark(read ? 'quick read done' : 'quick read gave nothing');
    return read;
  });
  return { host, quickRead };
}
