// How sizes, times and ports read in the explorer rows and tooltips, in the editor's language.
import * as vscode from 'vscode';
import type { PublishedPort } from '../models/container';
import { formatBinarySize } from '../shared/byteSize';

/** Sizes, memory and limits alike in binary units, as Docker counts them ("256 MiB", "4 GiB"). */
export const formatBytes = formatBinarySize;

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 hours ago" / "3小时前". */
export function formatAge(epochMs: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  const format = new Intl.RelativeTimeFormat(vscode.env.language, { numeric: 'auto' });
  for (const [unit, size] of STEPS) {
    if (seconds >= size || unit === 'second') return format.format(-Math.floor(seconds / size), unit);
  }
  return '';
}

/**
 * Dates and times in the display language's own format (24-hour in Chinese, 12-hour in English), never the
 * host's locale: one format for every date and time Dockside writes.
 */
export function formatDate(epochMs: number): string {
  return new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(epochMs);
}

/** A time of day, as formatDate writes it. */
export function formatTime(epochMs: number): string {
  return new Intl.DateTimeFormat(vscode.env.language, { timeStyle: 'medium' }).format(epochMs);
}

/** "127.0.0.1:8080→80/tcp"; unpublished ports are left out of the row (the tooltip lists them). */
export function formatPort(p: PublishedPort): string {
  const host = p.publicPort ? `${p.ip && p.ip !== '0.0.0.0' ? `${p.ip}:` : ''}${p.publicPort}→` : '';
  return `${host}${p.privatePort}/${p.protocol}`;
}

/** Escapes text for a MarkdownString. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Text as an inline code span (escapes do not work inside one; backticks would end it). */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** "1 tag" / "3 tags": English needs the singular; Chinese uses the same sentence for both. */
export function tagCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 tag') : vscode.l10n.t('{0} tags', count);
}

export function containerCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 container') : vscode.l10n.t('{0} containers', count);
}
