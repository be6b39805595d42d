// The engine's logs, when this user may read them: the docker unit's journal (journalctl needs the
// systemd-journal or adm group, or root), else a dockerd log file the user names.
import type { HostAccess } from './hostAccess';

export interface EngineLog {
  readonly source: string;
  readonly text: string;
}

const MAX_LINES = 2000;

/** The journal, else the named file's last lines; undefined when neither can be read. */
export async function readEngineLog(host: HostAccess, file?: string): Promise<EngineLog | undefined> {
  if (file) {
    const text = await host.readFile(file);
    return text === undefined ? undefined : { source: file, text: text.split('\n').slice(-MAX_LINES).join('\n') };
  }
  const journal = await host.run('journalctl', ['-u', 'docker', '--no-pager', '-n', String(MAX_LINES), '-o', 'short-iso'], 5000);
  // journalctl exits 0 with "-- No entries --" when it has none or may not read them.
  if (!journal || journal.code !== 0 || !/\S/.test(journal.stdout.replace(/^-- No entries --$/m, ''))) return undefined;
  return { source: 'journalctl -u docker', text: journal.stdout };
}
