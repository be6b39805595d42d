// "Dockside: Run Docker Doctor": checks the engine and this machine now and shows the report. Its prune
// fix is the usual system prune command, with that command's own confirmation of what goes.
import * as vscode from 'vscode';
import type { DoctorReport } from '../../doctor/index';
import { DoctorPanel } from '../../webview/doctor/doctorPanel';
import type { DoctorService } from '../../webview/doctor/doctorService';
import type { CommandServices } from '../commandWrapper';
import { ManageCommands } from '../manageCommands';

export function runDockerDoctor(extensionUri: vscode.Uri, doctor: DoctorService, { session }: CommandServices): () => Promise<DoctorReport> {
  return () => {
    const panel = DoctorPanel.show(extensionUri, doctor, { prune: () => vscode.commands.executeCommand(ManageCommands.pruneSystem), reconnect: () => session.connect() });
    return panel.refresh();
  };
}
