// Every engine failure becomes one of a few typed codes with one sentence the user can act on.
// The whole original error stays attached (`cause`) for the log.
import * as l10n from '@vscode/l10n';

export type EngineErrorCode =
  | 'unreachable'
  | 'permissionDenied'
  | 'timeout'
  | 'notFound'
  | 'conflict'
  | 'apiTooOld'
  | 'contextNotFound'
  | 'tlsFailure'
  | 'cancelled'
  | 'engineFailure';

export interface EngineErrorDetails {
  /** Where we dialled, for the sentence: a socket path, a host URL or a context name. */
  readonly endpoint?: string;
  readonly context?: string;
  /** The engine's own message (from its JSON body), when it sent one. */
  readonly engineMessage?: string;
  readonly statusCode?: number;
  readonly apiVersion?: string;
  readonly minimumApiVersion?: string;
  readonly timeoutMs?: number;
  readonly cause?: unknown;
}

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details: EngineErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'EngineError';
  }
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError || (value instanceof Error && value.name === 'EngineError' && 'code' in value);
}

/** The one sentence shown to the user, in the display language configured through @vscode/l10n. */
export function describeEngineError(error: EngineError): string {
  const d = error.details;
  const where = d.endpoint ?? d.context ?? l10n.t('the configured endpoint');
  switch (error.code) {
    case 'unreachable':
      return l10n.t('No Docker engine answers at {0}. Start Docker, or choose another engine in the Dockside settings.', where);
    case 'permissionDenied':
      return l10n.t(
        'Permission denied on {0}. Add your user to the docker group (sudo usermod -aG docker $USER, then sign in again) or use rootless Docker.',
        where,
      );
    case 'timeout':
      return l10n.t('The Docker engine at {0} did not answer within {1} seconds.', where, Math.round((d.timeoutMs ?? 0) / 1000));
    case 'notFound':
      return l10n.t('The engine no longer has it: {0}', d.engineMessage ?? error.message);
    case 'conflict':
      return l10n.t('The engine refused because of a conflict: {0}', d.engineMessage ?? error.message);
    case 'apiTooOld':
      return l10n.t('The engine speaks Docker API {0}, but Dockside needs {1} or newer. Upgrade Docker on that machine.', d.apiVersion ?? '?', d.minimumApiVersion ?? MINIMUM_API_VERSION);
    case 'contextNotFound':
      return l10n.t('The docker context "{0}" does not exist or has no Docker endpoint. Choose another with "docker context use" or the dockside.engine.context setting.', d.context ?? '?');
    case 'tlsFailure':
      return l10n.t('The TLS connection to {0} failed. Check DOCKER_CERT_PATH and the certificates in it.', where);
    case 'cancelled':
      return l10n.t('Cancelled.');
    case 'engineFailure':
      return l10n.t('The Docker engine reported an error: {0}', d.engineMessage ?? error.message);
  }
}

/** The oldest API the engine layer is written against (Docker 19.03). */
export const MINIMUM_API_VERSION = '1.40';

interface ModemLikeError {
  code?: string;
  errno?: number;
  syscall?: string;
  address?: string;
  statusCode?: number;
  reason?: string;
  json?: unknown;
  message?: string;
  name?: string;
}

const UNREACHABLE_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'ENOTSOCK']);
const PERMISSION_CODES = new Set(['EACCES', 'EPERM']);
const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_|ERR_SSL_|ERR_OSSL_)/;

/** Maps anything dockerode, docker-modem or Node's net stack throws to an EngineError. */
export function toEngineError(error: unknown, endpoint?: string): EngineError {
  if (isEngineError(error)) return error;
  const e = (error ?? {}) as ModemLikeError;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const base = { endpoint, cause: error };

  if (e.name === 'AbortError' || e.code === 'ABORT_ERR') return new EngineError('cancelled', message, base);
  if (e.code && PERMISSION_CODES.has(e.code)) return new EngineError('permissionDenied', message, base);
  if (e.code && UNREACHABLE_CODES.has(e.code)) return new EngineError('unreachable', message, base);
  if (e.code === 'ETIMEDOUT' || e.code === 'ESOCKETTIMEDOUT') return new EngineError('timeout', message, base);
  if (e.code && TLS_CODES.test(e.code)) return new EngineError('tlsFailure', message, base);

  if (typeof e.statusCode === 'number') {
    const engineMessage = engineMessageOf(e) ?? e.reason ?? message;
    const details = { ...base, statusCode: e.statusCode, engineMessage };
    const tooOld = /client version ([\d.]+) is too (?:new|old)\. (?:Maximum|Minimum) supported API version is ([\d.]+)/i.exec(engineMessage);
    if (e.statusCode === 400 && tooOld) {
      return new EngineError('apiTooOld', message, { ...details, apiVersion: tooOld[2], minimumApiVersion: MINIMUM_API_VERSION });
    }
    if (e.statusCode === 404) return new EngineError('notFound', message, details);
    if (e.statusCode === 409) return new EngineError('conflict', message, details);
    return new EngineError('engineFailure', message, details);
  }
  return new EngineError('engineFailure', message, { ...base, engineMessage: message });
}

function engineMessageOf(e: ModemLikeError): string | undefined {
  const json = e.json as { message?: unknown } | string | null | undefined;
  if (json && typeof json === 'object' && typeof json.message === 'string') return json.message.trim();
  if (typeof json === 'string' && json.trim()) return json.trim();
  // docker-modem puts "(HTTP code 404) no such container - No such container: abc " in message.
  const m = /\(HTTP code \d+\)[^-]*- (.*)$/s.exec(e.message ?? '');
  return m?.[1]?.trim() || undefined;
}

/** Compares dotted API versions ("1.41" < "1.43"). */
export function apiVersionAtLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
