// One cancellable notification for a pull or push: layers done and bytes moved, updated as the engine
// reports each layer. Cancelling aborts the request; the engine stops the transfer.
import * as vscode from 'vscode';
import { formatBinarySize } from '../shared/byteSize';
import type { TransferProgress, TransferResult } from '../engine/index';

export type Transfer = (onProgress: (p: TransferProgress) => void, signal: AbortSignal) => Promise<TransferResult>;

export function describeTransfer(p: TransferProgress): string {
  const layers = vscode.l10n.t('{0}/{1} layers', p.layersDone, p.layers);
  return p.totalBytes ? vscode.l10n.t('{0}, {1} of {2}', layers, formatBinarySize(p.bytes), formatBinarySize(p.totalBytes)) : p.layers ? layers : p.status;
}

export function transferWithProgress(title: string, transfer: Transfer): Thenable<TransferResult & { durationMs: number }> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    let reported = 0;
    const started = Date.now();
    const result = await transfer((p) => {
      // The bar moves by the share of known bytes; before sizes are known it only shows the text.
      const share = p.totalBytes ? (p.bytes / p.totalBytes) * 100 : 0;
      progress.report({ message: describeTransfer(p), increment: share > reported ? share - reported : undefined });
      reported = Math.max(reported, share);
    }, controller.signal);
    return { ...result, durationMs: Date.now() - started };
  });
}
