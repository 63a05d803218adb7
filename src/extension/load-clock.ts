/**
 * When the extension's bundle started loading: imported first by extension.ts, so its
 * clock starts before any other module of the bundle is evaluated.
 */
import { performance } from 'node:perf_hooks';

export const loadStartedAt = performance.now();
export const elapsedSinceLoad = (): number => performance.now() - loadStartedAt;
