// Registers every command the manifest declares at activation, each through the shared wrapper, but builds
// the handlers only when the first command runs (or a document needs them). Registering an id costs
// nothing; evaluating ~90 command modules and building their handlers cost ~15 ms of activation.
// Commands that act on one engine run the handler built for the engine the call is about (commandEngine.ts);
// another engine's handlers are built the first time a command acts on it.
import * as vscode from 'vscode';
import type { EngineSession } from '../session/engineSession';
import type { CommandTable } from './commandTable';
import { registerCommand, type CommandServices } from './commandWrapper';

/** How the handlers of engines other than the primary one are built and found. */
export interface EngineTables {
  /** The engine a call with these arguments acts on (may ask the user; cancelling throws). */
  readonly engineOf: (args: readonly unknown[]) => Promise<EngineSession>;
  /** The engine-scoped handlers for one engine. */
  readonly build: (session: EngineSession) => CommandTable;
  /** The engines shown now: tables of the others are let go. */
  readonly shown: () => readonly EngineSession[];
}

export class LazyCommands implements vscode.Disposable {
  private table?: CommandTable;
  private engineScoped = new Set<string>();
  private readonly others = new Map<EngineSession, CommandTable>();
  private readonly registrations: vscode.Disposable[];

  /** `ids`: the manifest's commands. `build` runs once, on first use. */
  constructor(
    private readonly ids: readonly string[],
    private readonly services: CommandServices,
    private readonly build: () => CommandTable,
    private readonly engines?: EngineTables,
  ) {
    this.registrations = ids.map((id) => registerCommand(id, services, (...args) => this.run(id, args)));
  }

  /** The handlers, built on first call. A handler the manifest does not declare is registered then, and logged. */
  load(): CommandTable {
    if (this.table) return this.table;
    const table = this.build();
    this.table = table;
    this.engineScoped = new Set(table.engineScoped ?? []);
    const registered = new Set(this.ids);
    for (const id of Object.keys(table.handlers).filter((id) => !registered.has(id))) {
      this.services.log.warn(`Command ${id} has a handler but is not declared in package.json; registered late.`);
      this.registrations.push(registerCommand(id, this.services, (...args) => this.run(id, args)));
    }
    return table;
  }

  /** Builds the handlers and compares them with the manifest: both lists stay empty in a sound build. */
  coverage(): { undeclared: string[]; unhandled: string[] } {
    const handled = Object.keys(this.load().handlers);
    return { undeclared: handled.filter((id) => !this.ids.includes(id)), unhandled: this.ids.filter((id) => !handled.includes(id)) };
  }

  private async run(id: string, args: unknown[]): Promise<unknown> {
    const table = await this.tableFor(id, args);
    const handler = table.handlers[id];
    if (!handler) throw new Error(`No handler for the command ${id}`);
    return handler(...args);
  }

  private async tableFor(id: string, args: readonly unknown[]): Promise<CommandTable> {
    const primary = this.load();
    if (!this.engines || !this.engineScoped.has(id)) return primary;
    const session = await this.engines.engineOf(args);
    if (session === this.services.session) return primary;
    this.forgetHidden();
    let table = this.others.get(session);
    if (!table) {
      table = this.engines.build(session);
      this.others.set(session, table);
    }
    return table;
  }

  /** Tables of engines no longer shown hold disposables (build diagnostics): let them go. */
  private forgetHidden(): void {
    const shown = new Set(this.engines?.shown() ?? []);
    for (const [session, table] of this.others) {
      if (shown.has(session)) continue;
      table.disposables.forEach((d) => d.dispose());
      this.others.delete(session);
    }
  }

  dispose(): void {
    this.registrations.forEach((r) => r.dispose());
    this.table?.disposables.forEach((d) => d.dispose());
    for (const table of this.others.values()) table.disposables.forEach((d) => d.dispose());
  }
}
