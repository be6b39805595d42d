// The Engines tree view: built by the composition root, probes its engines only while it is visible.
import * as vscode from 'vscode';
import { Views } from '../../constants';
import type { EngineRegistry } from '../../session/engineRegistry';
import { EnginesProvider } from './enginesProvider';

export class EnginesView implements vscode.Disposable {
  readonly provider: EnginesProvider;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(registry: EngineRegistry) {
    this.provider = new EnginesProvider(registry);
    const view = vscode.window.createTreeView(Views.engines, { treeDataProvider: this.provider });
    this.disposables.push(this.provider, view, view.onDidChangeVisibility((e) => this.provider.setVisible(e.visible)));
    if (view.visible) this.provider.setVisible(true);
  }

  dispose(): void {
    this.disposables.reverse().forEach((d) => d.dispose());
  }
}
