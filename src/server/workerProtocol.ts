// Messages between the language server's thread and its analysis worker (serverWorker.ts). Plain data.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LocalImageInfo } from '../shared/lintProtocol';
import type { DockerfileSettings } from './settings';

export interface WorkerSetup {
  l10nBundle?: Record<string, string>;
  /** The language service's capabilities, derived from the client's. */
  capabilities: unknown;
}

export type ToWorker = { type: 'call'; id: number; op: string; args: unknown } | { type: 'cancel'; id: number };

export type FromWorker =
  /** The request's synchronous part is done: the next request may be sent. */
  | { type: 'ready'; id: number }
  | { type: 'partial'; id: number; value: unknown }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string; cancelled?: boolean }
  | { type: 'log'; message: string };

export interface LintRequestData {
  text: string;
  settings: DockerfileSettings;
  filePath?: string;
  locale?: string;
  docsBaseUri?: string;
  /** What the local engine knows of base images, for InvalidBaseImagePlatform. */
  localImages?: LocalImageInfo[];
}

/**
 * The lint request's steps: `syntax` (dockerfile-utils only, sent first in case the rules never finish),
 * `fast` (everything but ShellCheck, when ShellCheck still has to run) and `final`.
 */
export interface LintOutcome {
  stage: 'syntax' | 'fast' | 'final';
  diagnostics: Diagnostic[];
  /** Failures contained in the worker, for the server's log. */
  errors: string[];
}
