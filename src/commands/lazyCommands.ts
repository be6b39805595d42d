// Registers every command the manifest declares at activation, each through the shared wrapper, but builds
// the handlers only when the first command runs (or a document needs them). Registering an id costs
// nothing; evaluating ~90 command modules and building their handlers cost ~15 ms of activation.
import * as vscode from 'vscode';
import type { CommandTable } from './commandTable';
import { registerCommand, type CommandServices } from './commandWrapper';

export class LazyCommands implements vscode.Disposable {
  private table?: CommandTable;
  private readonly registrations: vscode.Disposable[];

  /** `ids`: the manifest's commands. `build` runs once, on first use. */
  constructor(
    private readonly ids: readonly string[],
    private readonly services: CommandServices,
    private readonly build: () => CommandTable,
  ) {
    this.registrations = ids.map((id) => registerCommand(id, services, (...args) => this.handler(id)(...args)));
  }

  /** The handlers, built on first call. A handler the manifest does not declare is registered then, and logged. */
  load(): CommandTable {
    if (this.table) return this.table;
    const table = this.build();
    this.table = table;
    const registered = new Set(this.ids);
    for (const id of Object.keys(table.handlers).filter((id) => !registered.has(id))) {
      this.services.log.warn(`Command ${id} has a handler but is not declared in package.json; registered late.`);
      this.registrations.push(registerCommand(id, this.services, (...args) => this.handler(id)(...args)));
    }
    return table;
  }

  /** Builds the handlers and compares them with the manifest: both lists stay empty in a sound build. */
  coverage(): { undeclared: string[]; unhandled: string[] } {
    const handled = Object.keys(this.load().handlers);
    return { undeclared: handled.filter((id) => !this.ids.includes(id)), unhandled: this.ids.filter((id) => !handled.includes(id)) };
  }

  private handler(id: string) {
    const handler = this.load().handlers[id];
    if (!handler) throw new Error(`No handler for the command ${id}`);
    return handler;
  }

  dispose(): void {
    this.registrations.forEach((r) => r.dispose());
    this.table?.disposables.forEach((d) => d.dispose());
  }
}
