// Per service (code lens over a service, a service or container node, or the palette): Up this service,
// Restart it, Open a Shell in its container, Follow its Logs.
import * as vscode from 'vscode';
import { resolveTarget } from '../../compose/composeTargets';
import { openLogsTerminal } from '../../terminals/logsLauncher';
import { openShellTerminal } from '../../terminals/shellLauncher';
import { shellSettings } from '../../terminals/terminalSettings';
import { confirmProjectRisks } from '../../compose/confirmProjectRisks';
import { composeHandler, pickService, projectContainers, projectNameOf, type ComposeCommandContext } from './composeCommandContext';

export function upService(ctx: ComposeCommandContext) {
  return composeHandler(async (arg?: unknown) => {
    const target = await resolveTarget(arg, ctx.choices);
    if (!target) return;
    const service = await pickService(ctx, target.spec, target.service, vscode.l10n.t('Start which service?'));
    if (!(await confirmProjectRisks(ctx, target.spec))) return;
    await ctx.compose.run({ spec: target.spec, args: ['up', '-d', service], title: vscode.l10n.t('Up {0}', service) });
  });
}

export function restartService(ctx: ComposeCommandContext) {
  return composeHandler(async (arg?: unknown) => {
    const target = await resolveTarget(arg, ctx.choices);
    if (!target) return;
    const service = await pickService(ctx, target.spec, target.service, vscode.l10n.t('Restart which service?'));
    await ctx.compose.run({ spec: target.spec, args: ['restart', service], title: vscode.l10n.t('Restart {0}', service) });
  });
}

/** The service's running container (the first replica when there are several, as `compose exec` does). */
async function runningContainerOf(ctx: ComposeCommandContext, arg: unknown, placeHolder: string) {
  const target = await resolveTarget(arg, ctx.choices);
  if (!target) throw new vscode.CancellationError();
  const service = await pickService(ctx, target.spec, target.service, placeHolder);
  const containers = await projectContainers(ctx, target.spec, service);
  return { target, service, containers };
}

export function openServiceShell(ctx: ComposeCommandContext) {
  return composeHandler(async (arg?: unknown) => {
    const { target, service, containers } = await runningContainerOf(ctx, arg, vscode.l10n.t('Open a shell in which service?'));
    const running = containers.find((c) => c.state === 'running');
    if (!running) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The service {0} of {1} has no running container; bring it up first.', service, projectNameOf(target.spec)));
      return;
    }
    await openShellTerminal(ctx.terminals.session, ctx.terminals.registry, running, shellSettings());
  });
}

export function followServiceLogs(ctx: ComposeCommandContext) {
  return composeHandler(async (arg?: unknown) => {
    const { target, service, containers } = await runningContainerOf(ctx, arg, vscode.l10n.t('Follow the logs of which service?'));
    if (containers.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The service {0} of {1} has no containers; bring it up first.', service, projectNameOf(target.spec)));
      return;
    }
    openLogsTerminal(ctx.terminals, vscode.l10n.t('Logs: {0} ({1})', service, projectNameOf(target.spec)), containers);
  });
}
