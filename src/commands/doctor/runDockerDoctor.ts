// "Dockside: Run Docker Doctor": checks the engine and this machine now and shows the report.
import * as vscode from 'vscode';
import type { DoctorReport } from '../../doctor/index';
import { DoctorPanel } from '../../webview/doctor/doctorPanel';
import type { DoctorService } from '../../webview/doctor/doctorService';
import type { CommandServices } from '../commandWrapper';

export function runDockerDoctor(extensionUri: vscode.Uri, doctor: DoctorService, { session }: CommandServices): () => Promise<DoctorReport> {
  return () => {
    const panel = DoctorPanel.show(extensionUri, doctor, { prune: () => vscode.commands.executeCommand('dockside.system.prune'), reconnect: () => session.connect() });
    return panel.refresh();
  };
}
