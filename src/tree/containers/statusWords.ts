// The engine's status text ("Up 18 minutes (healthy)", "Exited (0) 2 hours ago") in the display language.
// The engine writes it in English with go-units' HumanDuration; English users get it back unchanged, other
// languages get the same facts in their own words. Texts the engine may add later pass through as they are.
import * as vscode from 'vscode';
import { parseHumanDuration } from './statusText';

const UP = /^Up (.+?)(?: \((healthy|unhealthy|health: starting|Paused)\))?$/;
const SINCE = /^(Exited|Restarting) \((-?\d+)\) (.+) ago$/;

/** A HumanDuration text ("About a minute", "3 hours") in the display language. */
export function durationWords(text: string): string {
  if (text === 'Less than a second') return vscode.l10n.t('Less than a second');
  if (text === 'About a minute') return vscode.l10n.t('About a minute');
  if (text === 'About an hour') return vscode.l10n.t('About an hour');
  const match = /^(\d+) (second|minute|hour|day|week|month|year)s?$/.exec(text);
  if (!match || parseHumanDuration(text) === undefined) return text;
  const n = Number(match[1]);
  switch (match[2]) {
    case 'second': return n === 1 ? vscode.l10n.t('1 second') : vscode.l10n.t('{0} seconds', n);
    case 'minute': return vscode.l10n.t('{0} minutes', n);
    case 'hour': return vscode.l10n.t('{0} hours', n);
    case 'day': return vscode.l10n.t('{0} days', n);
    case 'week': return vscode.l10n.t('{0} weeks', n);
    case 'month': return vscode.l10n.t('{0} months', n);
    default: return vscode.l10n.t('{0} years', n);
  }
}

function healthWords(mark: string): string {
  switch (mark) {
    case 'healthy': return vscode.l10n.t('(healthy)');
    case 'unhealthy': return vscode.l10n.t('(unhealthy)');
    case 'health: starting': return vscode.l10n.t('(health: starting)');
    default: return vscode.l10n.t('(Paused)');
  }
}

/** The engine's status text in the display language (unchanged in English). */
export function statusWords(status: string): string {
  const up = UP.exec(status);
  if (up) {
    const duration = durationWords(up[1]);
    return up[2] ? vscode.l10n.t('Up {0} {1}', duration, healthWords(up[2])) : vscode.l10n.t('Up {0}', duration);
  }
  const since = SINCE.exec(status);
  if (since) {
    const duration = durationWords(since[3]);
    return since[1] === 'Exited' ? vscode.l10n.t('Exited ({0}) {1} ago', since[2], duration) : vscode.l10n.t('Restarting ({0}) {1} ago', since[2], duration);
  }
  switch (status) {
    case 'Created': return vscode.l10n.t({ message: 'Created', comment: ['a container status: created, never started'] });
    case 'Removal In Progress': return vscode.l10n.t('Removal In Progress');
    case 'Dead': return vscode.l10n.t('Dead');
    default: return status;
  }
}
