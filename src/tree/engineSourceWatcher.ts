// Follows `docker context use` and edits of the docker config: when the files that choose the engine
// change on disk and now name another engine, the session reconnects and the explorer rebuilds.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';
import type { Settings } from '../settings';
import { watchDockerConfig } from './dockerConfigWatch';

export function watchEngineSources(session: EngineSession, settings: Settings, log: vscode.LogOutputChannel): vscode.Disposable {
  const check = async () => {
    const engine = await session.engine();
    const s = settings.engine();
    let host: string | undefined;
    try {
      host = engine.resolveEndpoint({ settingHost: s.host, settingContext: s.context, env: process.env }).host;
    } catch {
      host = undefined; // A context that no longer resolves: reconnecting reports it.
    }
    if (host !== session.state.endpoint?.host) {
      log.info(`The docker configuration now names ${host ?? 'no valid engine'}: reconnecting`);
      await session.connect();
    }
  };
  // Where the files are is cheap to know without loading the engine module.
  const watcher = watchDockerConfig(process.env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'), () => void check());
  return new vscode.Disposable(() => watcher.close());
}
