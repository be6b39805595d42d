// What the run, build, pull/push and registry commands share: created once in deliveryCommandTable.
import type * as vscode from 'vscode';
import type { RunSecretStore } from '../../run/runSecretStore';
import type { RunService } from '../../run/runService';
import type { EngineSession } from '../../session/engineSession';

export interface DeliveryServices {
  readonly session: EngineSession;
  readonly log: vscode.LogOutputChannel;
  readonly context: vscode.ExtensionContext;
  readonly runs: RunService;
  /** The values of run secrets (secretEnv), in SecretStorage. */
  readonly runSecrets: RunSecretStore;
  /** Shows an error the way the command wrapper does, and returns the sentence shown. */
  readonly explain: (error: unknown) => Promise<string>;
}
