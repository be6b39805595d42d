import type { EngineEndpointDescription, EngineVersion } from '../models/engine';

/** What the UI shows about the engine: the status bar, the welcome views and the tree all read this. */
export type EngineState =
  | { readonly kind: 'connecting'; readonly endpoint?: EngineEndpointDescription }
  | { readonly kind: 'connected'; readonly endpoint: EngineEndpointDescription; readonly version: EngineVersion }
  | {
      readonly kind: 'failed';
      readonly endpoint?: EngineEndpointDescription;
      /** An EngineErrorCode. */
      readonly code: string;
      /** The mapped sentence, in the display language. */
      readonly sentence: string;
    };
