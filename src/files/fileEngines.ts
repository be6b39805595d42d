// Which engine a file URI belongs to. Today one engine session is shown at a time; when the engine
// registry (several sessions) lands, `engineIdOf` becomes the session's registry id and `sessionFor`
// looks the id up there. Nothing else in the file system knows how engines are found.
import type { EngineSession } from '../session/engineSession';
import type { EngineState } from '../session/engineState';

/** A URI-authority-safe id for the engine a state describes: its context name or endpoint label. */
export function engineIdOf(state: EngineState): string {
  const label = state.endpoint?.label ?? 'default';
  return label.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'default';
}

export class FileEngines {
  constructor(private readonly session: EngineSession) {}

  /** The id of the engine shown now (for URIs made from tree rows). */
  currentId(): string {
    return engineIdOf(this.session.state);
  }

  /** The session serving `engineId`, or undefined when that engine is not the one connected. */
  sessionFor(engineId: string): EngineSession | undefined {
    return engineIdOf(this.session.state) === engineId ? this.session : undefined;
  }
}
