// The Docker doctor's report in an editor tab: one panel per window, refreshed by Run Again. Copy puts a
// finding's command on the clipboard; the fixes Dockside can do (prune, start the engine) ask first.
import * as vscode from 'vscode';
import type { DoctorReport, Finding } from '../../doctor/index';
import { doctorHtml } from './doctorHtml';
import type { DoctorService } from './doctorService';
import { showEngineLogs } from './engineLogView';
import { pageResourceRoots } from '../webviewPage';

interface FromPage {
  readonly type: 'ready' | 'rerun' | 'logs' | 'copy' | 'fix';
  /** Which finding, for copy and fix. */
  readonly index?: number;
}

/** What the panel needs from the rest of the extension, besides the doctor. */
export interface DoctorPanelHooks {
  /** Runs the existing prune command (its own confirmation names what goes). */
  readonly prune: () => Thenable<unknown>;
  /** Connects the session again after the engine was started. */
  readonly reconnect: () => Promise<void>;
}

export class DoctorPanel {
  private static current?: DoctorPanel;
  private readonly panel: vscode.WebviewPanel;
  private readonly media: vscode.Uri;
  private report?: DoctorReport;

  static show(extensionUri: vscode.Uri, doctor: DoctorService, hooks: DoctorPanelHooks): DoctorPanel {
    if (DoctorPanel.current) {
      DoctorPanel.current.panel.reveal();
      return DoctorPanel.current;
    }
    DoctorPanel.current = new DoctorPanel(extensionUri, doctor, hooks);
    return DoctorPanel.current;
  }

  private constructor(
    extensionUri: vscode.Uri,
    private readonly doctor: DoctorService,
    private readonly hooks: DoctorPanelHooks,
  ) {
    this.media = vscode.Uri.joinPath(extensionUri, 'media', 'doctor');
    this.panel = vscode.window.createWebviewPanel('dockside.doctor', vscode.l10n.t('Docker Doctor'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: pageResourceRoots(this.media),
    });
    this.render(doctor.report);
    const reported = doctor.onDidReport((report) => this.render(report));
    this.panel.webview.onDidReceiveMessage((m: FromPage) => void this.handle(m));
    this.panel.onDidDispose(() => {
      reported.dispose();
      DoctorPanel.current = undefined;
    });
  }

  /** The report shown now (tests read it to compare with the page). */
  get shown(): DoctorReport | undefined {
    return this.report;
  }

  async refresh(): Promise<DoctorReport> {
    this.render(undefined);
    return this.doctor.run();
  }

  private render(report: DoctorReport | undefined): void {
    this.report = report;
    this.panel.webview.html = doctorHtml(this.panel.webview, this.media, report);
  }

  private async handle(message: FromPage): Promise<void> {
    try {
      if (message.type === 'ready') return;
      if (message.type === 'rerun') return void (await this.refresh());
      if (message.type === 'logs') return await showEngineLogs(this.doctor);
      const found = this.report?.findings[message.index ?? -1];
      if (!found) return;
      if (message.type === 'copy' && found.command) {
        await vscode.env.clipboard.writeText(found.command);
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied: {0}', found.command), 4000);
      }
      if (message.type === 'fix') await this.fix(found);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The Docker doctor could not finish: {0}', (error as Error).message));
    }
  }

  private async fix(found: Finding): Promise<void> {
    if (found.fix === 'prune') {
      await this.hooks.prune();
      await this.refresh();
    } else if (found.fix === 'startEngine') {
      const start = vscode.l10n.t('Start');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Start the Docker engine with "systemctl start docker"?'), { modal: true, detail: vscode.l10n.t('Dockside runs it without asking for a password; if systemd wants one, you get the command to run yourself.') }, start);
      if (answer !== start) return;
      const outcome = await (await this.doctor.doctor()).startEngineWithSystemd((await this.doctor.doctor()).nodeHostAccess());
      if (!outcome.started) {
        void vscode.window.showWarningMessage(vscode.l10n.t('systemd did not start the engine ({0}). Run the command yourself: {1}', outcome.message, found.command ?? ''));
        return;
      }
      await this.hooks.reconnect();
      await this.refresh();
    }
  }
}
