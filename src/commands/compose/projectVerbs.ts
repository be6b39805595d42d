// Start, Stop, Restart, Pull and Build of a whole project (or the service the command came from): one compose
// subcommand each, the same progress and error handling.
import * as vscode from 'vscode';
import { resolveTarget } from '../../compose/composeTargets';
import { composeHandler, type ComposeCommandContext } from './composeCommandContext';

type Verb = 'start' | 'stop' | 'restart' | 'pull' | 'build';

function titleOf(verb: Verb): string {
  switch (verb) {
    case 'start': return vscode.l10n.t('Start');
    case 'stop': return vscode.l10n.t('Stop');
    case 'restart': return vscode.l10n.t('Restart');
    case 'pull': return vscode.l10n.t('Pull');
    case 'build': return vscode.l10n.t('Build');
  }
}

export function projectVerb(ctx: ComposeCommandContext, verb: Verb) {
  return composeHandler(async (arg?: unknown) => {
    const target = await resolveTarget(arg, ctx.choices);
    if (!target) return;
    const service = target.service;
    await ctx.compose.run({ spec: target.spec, args: [verb, ...(service ? [service] : [])], title: service ? `${titleOf(verb)} ${service}` : titleOf(verb) });
  });
}
