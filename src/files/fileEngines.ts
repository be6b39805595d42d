// Which engine a file URI belongs to: its authority is the engine's id (its context name or endpoint label,
// made URI-safe), so one URI names one engine, container and path, and the files of every engine shown in
// the explorer (the primary one and the pinned ones) are served side by side. Nothing else in the file
// system knows how engines are found.
import type { EngineSession } from '../session/engineSession';
import type { EngineState } from '../session/engineState';

/** A URI-authority-safe id for the engine a state describes: its context name or endpoint label. */
export function engineIdOf(state: EngineState): string {
  const label = state.endpoint?.label ?? 'default';
  return label.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'default';
}

export class FileEngines {
  /** `shown`: the sessions whose files can be served (the explorer's engines), the primary first; `labelOf`: an engine's name. */
  constructor(
    private readonly shown: () => readonly EngineSession[],
    readonly labelOf: (session: EngineSession) => string,
  ) {}

  /** The id of the primary engine (for URIs made without a row, e.g. from the palette). */
  currentId(): string {
    return engineIdOf(this.shown()[0]!.state);
  }

  /** Every engine whose files can be served, the primary first. */
  all(): readonly EngineSession[] {
    return this.shown();
  }

  /** The id of this session's engine, for URIs made from its rows. */
  idOf(session: EngineSession): string {
    return engineIdOf(session.state);
  }

  /** The session serving `engineId`, or undefined when no engine shown has that id. */
  sessionFor(engineId: string): EngineSession | undefined {
    return this.shown().find((s) => engineIdOf(s.state) === engineId);
  }
}
