// Starting a stopped engine for the user, with their consent: only through systemd and only when that
// needs no password (--no-ask-password makes polkit refuse instead of prompting); otherwise the caller
// shows the command to copy.
import type { HostAccess } from './hostAccess';

export interface StartOutcome {
  readonly started: boolean;
  /** What systemctl said when it refused. */
  readonly message: string;
}

export async function startEngineWithSystemd(host: HostAccess): Promise<StartOutcome> {
  const result = await host.run('systemctl', ['--no-ask-password', 'start', 'docker'], 30_000);
  if (!result) return { started: false, message: 'systemctl is not installed' };
  return { started: result.code === 0, message: (result.stderr || result.stdout).trim() };
}
