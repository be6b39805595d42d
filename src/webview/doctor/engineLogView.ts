// The engine's logs in a read-only editor: the docker unit's journal when this user may read it, else a
// dockerd log file the user picks (remembered for the session).
import * as vscode from 'vscode';
import type { DoctorService } from './doctorService';

let namedLogFile: string | undefined;

export async function showEngineLogs(doctor: DoctorService): Promise<void> {
  const module = await doctor.doctor();
  const host = module.nodeHostAccess();
  let log = await module.readEngineLog(host, namedLogFile);
  if (!log) {
    const choose = vscode.l10n.t('Choose a Log File…');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('The docker unit\'s journal cannot be read here (no systemd, or you are not in the systemd-journal group). Name the file dockerd writes its log to?'), choose);
    if (answer !== choose) return;
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Show Engine Log'), title: vscode.l10n.t('dockerd\'s log file') });
    if (!picked?.[0]) return;
    log = await module.readEngineLog(host, picked[0].fsPath);
    if (!log) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} cannot be read.', picked[0].fsPath));
      return;
    }
    namedLogFile = picked[0].fsPath;
  }
  const document = await vscode.workspace.openTextDocument({ content: log.text, language: 'log' });
  await vscode.window.showTextDocument(document, { preview: true });
}
