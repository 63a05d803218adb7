/**
 * When the extension's bundle started loading: imported first by extension.ts, so its
 * clock starts before any other module of the bundle is evaluated.
 */
// `performance` is a global in both extension hosts (Node and the browser's web worker).
export const loadStartedAt = performance.now();
export const elapsedSinceLoad = (): number => performance.now() - loadStartedAt;
