// One entry of the engine's /events stream, as plain data.

export type EngineEventType = 'container' | 'image' | 'network' | 'volume' | 'service' | 'node' | 'secret' | 'config';

export interface EngineEvent {
  readonly type: EngineEventType;
  /** The engine's action: "start", "die", "health_status: healthy", "connect", "tag", "destroy", ... */
  readonly action: string;
  /** Container/image/network id, or the volume name. */
  readonly actorId: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Milliseconds since the epoch, as the engine stamped it. */
  readonly time: number;
}
