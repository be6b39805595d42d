// The engine bundle's entry: loaded lazily by the extension (dist/engine.js) so activation never pays for
// dockerode. Everything the rest of the code needs from the engine layer is exported here.
import * as l10n from '@vscode/l10n';

export { EngineClient } from './client';
export type { ContainerListFilter, EngineClientOptions } from './client';
export { resolveEndpoint, endpointSourceFiles, dockerConfigDir } from './connection';
export type { EngineEndpoint, EndpointInputs } from './connection';
export { EngineError, describeEngineError, isEngineError, toEngineError } from './errors';
export type { EngineErrorCode } from './errors';

/** The engine's sentences follow the editor's display language: pass `vscode.l10n.bundle`. */
export function configureLocalization(bundle: Record<string, string> | undefined): void {
  if (bundle) l10n.config({ contents: bundle });
}
