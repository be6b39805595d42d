// "Run…": a form in VS Code's own look (theme colours through --vscode-* variables, native focus
// outlines, every control reachable by keyboard) over the run options. It validates as the user types,
// shows the equivalent docker run line live, and runs, copies or saves from the same options.
import * as vscode from 'vscode';
import { CAPABILITIES } from '../models/run/capabilities';
import { publishesOnAllInterfaces, publishPortsOn } from '../models/run/portInterfaces';
import { dockerRunLine } from './dockerRunLine';
import { parseDockerRunLine } from './parseDockerRunLine';
import { startRefusalWords } from './startRefusals';
import { saveRunConfiguration, type RunConfiguration } from './runConfigurations';
import type { RunOptions } from '../models/run/runOptions';
import type { RunService } from './runService';
import { runFormHtml, type FormChoices } from './runFormHtml';
import { pageResourceRoots } from '../webview/webviewPage';

/** Every text field blank: a pasted line replaces the whole form, not only the fields it names. */
const EMPTY_FORM = { image: '', name: '', mode: 'detached', restart: '', network: '', ip: '', hostname: '', cpus: '', memory: '', entrypoint: '', command: '', workdir: '', user: '' };

type FromForm =
  | { type: 'ready' }
  | { type: 'change'; options: RunOptions }
  | { type: 'run'; options: RunOptions }
  | { type: 'copy'; options: RunOptions }
  | { type: 'save'; options: RunOptions }
  | { type: 'paste'; line: string }
  | { type: 'interfaces'; all: boolean; options: RunOptions };

export interface RunFormHooks {
  /** Called with the started container (the caller opens a terminal for interactive runs). */
  readonly onStarted: (container: { id: string; name: string }, options: RunOptions) => Promise<void>;
  /**
   * The sentence for a failure, logged whole but not shown as a notification: the form shows it at its top
   * until the next change, so no toast is left behind after a later success.
   */
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
    this.panel = vscode.window.createWebviewPanel('dockside.runForm', service.session.titled(vscode.l10n.t('Run {0}', initial.image || vscode.l10n.t('image'))), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: pageResourceRoots(media),
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
      this.handle(m).catch(async (error) => {
        // A question the user closed (a secret's value) stops the run and says nothing.
        if (error instanceof vscode.CancellationError) return;
        void webview.postMessage({ type: 'failed', message: startRefusalWords(error) ?? (await hooks.explain(error)) });
      }),
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
    if (message.type === 'paste') return this.paste(message.line);
    if (message.type === 'interfaces') {
      await this.publishOn(message.all ? 'all' : 'loopback', message.options);
      return;
    }
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
          { location: vscode.ProgressLocation.Notification, title: this.service.session.titled(vscode.l10n.t('Starting a container from {0}…', this.options.image)) },
          () => this.service.run(this.options),
        );
        this.panel.dispose();
        await this.hooks.onStarted(started, this.options);
        return;
      }
    }
  }

  /** The interfaces switch: every port bound to 127.0.0.1 or to 0.0.0.0; the page gets the new lines. */
  async publishOn(scope: 'loopback' | 'all', options: RunOptions = this.options): Promise<readonly string[]> {
    const ports = publishPortsOn(options.ports, scope);
    this.options = { ...options, ports };
    await this.panel.webview.postMessage({ type: 'ports', ports });
    return ports;
  }

  /** The options as the form last sent them (prefilled values until the page sends its first change). */
  get currentOptions(): RunOptions {
    return this.options;
  }

  /** A pasted `docker run` line replaces the form's fields; flags the form cannot hold are named. */
  private async paste(line: string): Promise<void> {
    const parsed = parseDockerRunLine(line);
    if ('problem' in parsed) {
      const message = parsed.problem === 'quotes' ? vscode.l10n.t('A quote is not closed in the line.')
        : parsed.problem === 'noImage' ? vscode.l10n.t('The line names no image to run.')
        : vscode.l10n.t('Not a docker run line: it starts with "docker run".');
      void this.panel.webview.postMessage({ type: 'pasteRefused', message });
      return;
    }
    this.options = parsed.options;
    const note = parsed.unsupported.length ? vscode.l10n.t('The form has no field for {0}; run those with the docker CLI.', parsed.unsupported.join(', ')) : '';
    void this.panel.webview.postMessage({ type: 'filled', options: { ...EMPTY_FORM, ...parsed.options }, note });
  }

  private async report() {
    const problems = await this.service.validate(this.options);
    const line = this.options.image?.trim() ? dockerRunLine(this.options) : '';
    void this.panel.webview.postMessage({ type: 'problems', problems, line, allInterfaces: publishesOnAllInterfaces(this.options.ports) });
    return problems;
  }
}
