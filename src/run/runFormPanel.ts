// "Run…": a form in VS Code's own look (theme colours through --vscode-* variables, native focus
// outlines, every control reachable by keyboard) over the run options. It validates as the user types,
// shows the equivalent docker run line live, and runs, copies or saves from the same options.
import * as vscode from 'vscode';
import { CAPABILITIES } from '../models/run/capabilities';
import { dockerRunLine } from './dockerRunLine';
import { saveRunConfiguration, type RunConfiguration } from './runConfigurations';
import type { RunOptions } from '../models/run/runOptions';
import type { RunService } from './runService';
import { runFormHtml, type FormChoices } from './runFormHtml';

type FromForm =
  | { type: 'ready' }
  | { type: 'change'; options: RunOptions }
  | { type: 'run'; options: RunOptions }
  | { type: 'copy'; options: RunOptions }
  | { type: 'save'; options: RunOptions };

export interface RunFormHooks {
  /** Called with the started container (the caller opens a terminal for interactive runs). */
  readonly onStarted: (container: { id: string; name: string }, options: RunOptions) => Promise<void>;
  /** Shows a failure the way commands do (mapped engine sentence, log) and returns the sentence. */
  readonly explain: (error: unknown) => Promise<string>;
  /** Called with the configuration as saved: the user built it, so its first run needs no review. */
  readonly onSaved?: (configuration: RunConfiguration) => Promise<void>;
}

export class RunFormPanel {
  private readonly panel: vscode.WebviewPanel;
  private options: RunOptions;
  /** Resolves when the page's script has run and sent its first message (the form is on screen). */
  readonly ready: Promise<void>;

  static show(extensionUri: vscode.Uri, service: RunService, initial: RunOptions, choices: FormChoices, hooks: RunFormHooks): RunFormPanel {
    return new RunFormPanel(extensionUri, service, initial, choices, hooks);
  }

  private constructor(
    extensionUri: vscode.Uri,
    private readonly service: RunService,
    initial: RunOptions,
    choices: FormChoices,
    private readonly hooks: RunFormHooks,
  ) {
    this.options = initial;
    const media = vscode.Uri.joinPath(extensionUri, 'media', 'run');
    this.panel = vscode.window.createWebviewPanel('dockside.runForm', vscode.l10n.t('Run {0}', initial.image || vscode.l10n.t('image')), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: true,
    });
    const webview = this.panel.webview;
    webview.html = runFormHtml(webview, media, initial, {
      ...choices,
      capabilities: Object.entries(CAPABILITIES).map(([name, meaning]) => ({ name, meaning: meaning() })),
    });
    let rendered: () => void = () => undefined;
    this.ready = new Promise((resolve) => (rendered = resolve));
    webview.onDidReceiveMessage(() => rendered());
    webview.onDidReceiveMessage((m: FromForm) =>
      this.handle(m).catch(async (error) => void webview.postMessage({ type: 'failed', message: await hooks.explain(error) })),
    );
  }

  get title(): string {
    return this.panel.title;
  }

  /** Acts as the form's buttons do, for the same options: used by the buttons and by tests (the command returns the panel). */
  async submit(action: 'run' | 'copy' | 'save', options: RunOptions = this.options): Promise<void> {
    return this.handle({ type: action, options });
  }

  private async handle(message: FromForm): Promise<void> {
    if (message.type !== 'ready') this.options = message.options;
    switch (message.type) {
      case 'ready':
      case 'change':
        await this.report();
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(dockerRunLine(this.options));
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the docker run line.'), 4000);
        return;
      case 'save': {
        const name = await vscode.window.showInputBox({
          prompt: vscode.l10n.t('Name of the run configuration (saved in this workspace)'),
          value: this.options.name || this.options.image,
          validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Give it a name.')),
        });
        if (!name) return;
        const saved = await saveRunConfiguration({ name: name.trim(), options: this.options });
        await this.hooks.onSaved?.(saved);
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Saved run configuration "{0}".', name.trim()), 4000);
        return;
      }
      case 'run': {
        const problems = await this.report();
        if (problems.some((p) => p.severity === 'error')) return;
        const started = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting a container from {0}…', this.options.image) },
          () => this.service.run(this.options),
        );
        this.panel.dispose();
        await this.hooks.onStarted(started, this.options);
        return;
      }
    }
  }

  private async report() {
    const problems = await this.service.validate(this.options);
    const line = this.options.image?.trim() ? dockerRunLine(this.options) : '';
    void this.panel.webview.postMessage({ type: 'problems', problems, line });
    return problems;
  }
}
