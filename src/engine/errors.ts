// Every engine failure becomes one of a few typed codes with one sentence the user can act on.
// The whole original error stays attached (`cause`) for the log.
import * as path from 'node:path';
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
  | 'invalidHost'
  | 'tlsMaterialMissing'
  | 'hostKeyUnknown'
  | 'hostKeyChanged'
  | 'sshAuthFailed'
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
  /** invalidHost: which setting or variable held the address, and what is wrong with it. */
  readonly origin?: string;
  readonly problem?: string;
  /** tlsMaterialMissing: the file that is not there, and the variable that named its folder. */
  readonly file?: string;
  readonly variable?: string;
  /** hostKeyUnknown / hostKeyChanged: the key the server offered (SHA256:...) and the file checked. */
  readonly fingerprint?: string;
  readonly knownHostsFile?: string;
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
    case 'invalidHost':
      return describeInvalidHost(d);
    case 'tlsMaterialMissing':
      return d.variable
        ? l10n.t('{0} points to {1}, which has no {2}. Put the certificate there, or unset {0}.', d.variable, path.dirname(d.file ?? ''), path.basename(d.file ?? ''))
        : l10n.t('The TLS file {0} for {1} does not exist. Add it, or recreate the context with its certificates.', d.file ?? '?', where);
    case 'hostKeyUnknown':
      return l10n.t('The ssh host {0} is not in {1} (its key is {2}); Dockside did not connect. Connect once with ssh to check and add the key, or accept it when Dockside asks.', where, d.knownHostsFile ?? 'known_hosts', d.fingerprint ?? '?');
    case 'hostKeyChanged':
      return l10n.t('The ssh host key of {0} has changed (it is now {1}) and does not match {2}. Dockside refused to connect: someone may be intercepting the connection. If the change is expected, remove the old key with ssh-keygen -R.', where, d.fingerprint ?? '?', d.knownHostsFile ?? 'known_hosts');
    case 'sshAuthFailed':
      return l10n.t('The ssh server {0} accepted none of your keys. Load a key into ssh-agent (ssh-add) or name it with IdentityFile in ~/.ssh/config.', where);
    case 'cancelled':
      return l10n.t('Cancelled.');
    case 'engineFailure':
      return l10n.t('The Docker engine reported an error: {0}', d.engineMessage ?? error.message);
  }
}

function describeInvalidHost(d: EngineErrorDetails): string {
  const value = d.endpoint ?? '';
  const from = d.origin === 'DOCKER_HOST' ? 'DOCKER_HOST' : d.context ? l10n.t('the docker context "{0}"', d.context) : 'dockside.engine.host';
  switch (d.problem) {
    case 'noScheme':
      return l10n.t('The engine address "{0}" in {1} has no scheme. Write it as tcp://{0}, unix:///path/to/docker.sock or ssh://user@host.', value, from);
    case 'scheme':
      return l10n.t('The engine address "{0}" in {1} uses a scheme Docker does not know. Use tcp://, unix://, ssh:// or npipe://.', value, from);
    case 'noPath':
      return l10n.t('The engine address "{0}" in {1} names no socket. Write the socket path after the scheme, for example unix:///var/run/docker.sock.', value, from);
    case 'path':
      return l10n.t('The engine address "{0}" in {1} has a path; a tcp engine address is only tcp://host:port.', value, from);
    default:
      return l10n.t('The engine address "{0}" in {1} is not a valid address. Write it as tcp://host:port, unix:///path/to/docker.sock or ssh://user@host.', value, from);
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
