/**
 * Registers the service worker that keeps the map readable offline (generated at build time by
 * vite-plugin-pwa, see vite.config.ts). Only after the map is ready, so that precaching never competes with the
 * first view; not at all in development, where there is no service worker.
 */
import { effect } from '@preact/signals';
import type { Model } from '../state/model';

/** Registers `sw.js` (next to index.html) once the map is ready; returns the effect's dispose. */
// MODE, not PROD: PROD follows NODE_ENV, which the test runner sets to `test` for the builds it makes.
export function registerOfflineWhenReady(model: Model, enabled = import.meta.env.MODE === 'production'): () => void {
  if (!enabled || !('serviceWorker' in navigator)) return () => undefined;
  let done = false;
  const dispose = effect(() => {
    const status = model.mapStatus.value;
    if (done || status !== 'ready') return;
    done = true;
    navigator.serviceWorker
      .register(new URL('sw.js', document.baseURI), { scope: './' })
      .catch((error) => console.warn('Offline copy not installed:', error));
  });
  return dispose;
}
