/**
 * Registers the service worker that keeps the map readable offline (generated at build time by
 * vite-plugin-pwa, see vite.config.ts). Only after the map is ready, so that precaching never competes with the
 * first view; not at all in development, where there is no service worker.
 *
 * A new release's worker waits while a page of the old release is open (vite.config.ts says why). Such a page is
 * told, through `model.updateReady`, that a new version is ready; choosing it asks the waiting worker to take over
 * and reloads once it has.
 */
import { effect } from '@preact/signals';
import type { Model } from '../state/model';

/**
 * Registers `sw.js` (at the site's root `base`, beside index.html; the English page is in en/) once the map is ready;
 * returns the effect's dispose.
 */
// MODE, not PROD: PROD follows NODE_ENV, which the test runner sets to `test` for the builds it makes.
export function registerOfflineWhenReady(
  model: Model,
  base: string,
  enabled = import.meta.env.MODE === 'production',
): () => void {
  if (!enabled || !('serviceWorker' in navigator)) return () => undefined;
  let done = false;
  const dispose = effect(() => {
    const status = model.mapStatus.value;
    if (done || status !== 'ready') return;
    done = true;
    navigator.serviceWorker
      .register(new URL('sw.js', base), { scope: base })
      .then((registration) => announceUpdates(model, registration))
      .catch((error) => console.warn('Offline copy not installed:', error));
  });
  return dispose;
}

/** Offers the reload when a new release's worker is installed and waiting while this page runs on the old one. */
function announceUpdates(model: Model, registration: ServiceWorkerRegistration): void {
  const offer = (worker: ServiceWorker) => {
    // No controller: the first visit, whose worker was just installed; nothing to switch to.
    if (!navigator.serviceWorker.controller) return;
    model.updateReady.value = () => {
      let reloaded = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (reloaded) return;
        reloaded = true;
        window.location.reload();
      });
      worker.postMessage({ type: 'SKIP_WAITING' });
    };
  };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
}
