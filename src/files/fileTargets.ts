// From a file URI to what serves it: the engine client, the container that holds the files (a volume's
// helper for volumes), where the files sit in it, and what it allows (read-only parts, exec for delete).
import * as vscode from 'vscode';
import type { EngineClient, FileTargetFacts } from '../engine/index';
import type { FileEngines } from './fileEngines';
import { targetKey, type FileLocation } from './fileUri';
import type { VolumeHelpers } from './volumeHelpers';

type EngineModule = typeof import('../engine/index');

export interface FileTarget {
  readonly engine: EngineModule;
  readonly client: EngineClient;
  /** The container the archive and exec calls go to. */
  readonly containerId: string;
  readonly facts: FileTargetFacts;
  /** The path inside that container of a path of the location (volumes sit under the helper's mount). */
  containerPath(path: string): string;
  /** Why a path cannot be written (shown to the user), or undefined. */
  readOnlyReason(path: string): string | undefined;
  /** Why delete and rename cannot run (they need an exec), or undefined. */
  execReason(): string | undefined;
}

/** Facts change when a container starts or stops; a short memory saves an inspect per stat. */
const FACTS_TTL_MS = 2_000;

export class FileTargets {
  private readonly facts = new Map<string, { at: number; facts: Promise<FileTargetFacts> }>();

  constructor(
    private readonly engines: FileEngines,
    private readonly volumes: VolumeHelpers,
  ) {
    volumes.onDidRemove((key) => this.facts.delete(`volume:${key}`));
  }

  async resolve(location: FileLocation): Promise<FileTarget> {
    const session = this.engines.sessionFor(location.engineId);
    if (!session) throw vscode.FileSystemError.Unavailable(vscode.l10n.t('The engine "{0}" is not one of the engines this window shows. Show it in the explorer (Engines view) to open its files.', location.engineId));
    const [client, engine] = await Promise.all([session.client(), session.engine()]);
    const key = targetKey(location);
    let cached = this.facts.get(key);
    if (!cached || Date.now() - cached.at > FACTS_TTL_MS) {
      const facts = this.readFacts(location, client, engine);
      cached = { at: Date.now(), facts };
      this.facts.set(key, cached);
      facts.catch(() => this.facts.delete(key));
    }
    const facts = await cached.facts;
    return location.kind === 'volume' ? this.volumeTarget(engine, client, facts) : containerTarget(engine, client, facts);
  }

  /** Forget what is known about a target (after a refresh, or a start/stop seen by the caller). */
  forget(location: FileLocation): void {
    this.facts.delete(targetKey(location));
  }

  private async readFacts(location: FileLocation, client: EngineClient, engine: EngineModule): Promise<FileTargetFacts> {
    if (location.kind === 'container') return engine.fileTargetFacts(client, location.target);
    const helper = await this.volumes.helperFor(location.engineId, location.target, client, engine);
    return engine.fileTargetFacts(client, helper.id);
  }

  private volumeTarget(engine: EngineModule, client: EngineClient, facts: FileTargetFacts): FileTarget {
    const root = engine.VOLUME_MOUNT;
    return {
      engine,
      client,
      containerId: facts.id,
      facts,
      containerPath: (path) => (path === '/' ? root : `${root}${path}`),
      readOnlyReason: () => undefined,
      execReason: () =>
        facts.shell && facts.running ? undefined : vscode.l10n.t('No image on this engine has a shell, so files of the volume can be read and written but not deleted or renamed.'),
    };
  }
}

function containerTarget(engine: EngineModule, client: EngineClient, facts: FileTargetFacts): FileTarget {
  return {
    engine,
    client,
    containerId: facts.id,
    facts,
    containerPath: (path) => path,
    readOnlyReason: (path) => {
      const mount = engine.mountOf(facts, path);
      if (mount?.readOnly) return vscode.l10n.t('{0} is on a read-only mount ({1} at {2}).', path, mount.source, mount.destination);
      if (!mount && facts.readOnlyRoot) return vscode.l10n.t("The container's root file system is read-only (--read-only).");
      return undefined;
    },
    execReason: () => {
      switch (engine.execUnavailable(facts)) {
        case 'notRunning':
          return vscode.l10n.t('The container is not running. Start it to delete or rename files: the engine API can read and write a stopped container but cannot delete or move in it.');
        case 'paused':
          return vscode.l10n.t('The container is paused. Resume it to delete or rename files.');
        case 'noShell':
          return vscode.l10n.t('The image has no shell, and the engine API cannot delete or rename files without one. Reading, writing, copying and uploading still work.');
        default:
          return undefined;
      }
    },
  };
}
