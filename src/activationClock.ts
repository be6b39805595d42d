// Imported first by extension.ts, so this line runs when the bundle starts evaluating: the activation
// benchmark separates our own cost (module evaluation + activate()) from VS Code's.
import { performance } from 'node:perf_hooks';

export const bundleEvaluationStart = performance.now();
