/**
 * What the page tells its worker once it is idle: the same words as swRoutes' WARM_MESSAGE (not imported: the
 * worker must share no chunk with the app; registerServiceWorker.test.ts holds them equal).
 */
export const WARM_MESSAGE = 'consultboard:cache-later';

/** After the load, how long the page waits before it asks the worker to cache the notes (then for an idle moment). */
const WARM_AFTER_MS = 3000;

/**
 * Registers the offline service worker in production builds, once the page has loaded and is idle. Browsers allow
 * it only on https or localhost; elsewhere the app simply runs without it. A little later, idle again, the worker
 * is asked to cache the chunks it keeps for later (the notes), so they never compete with the phone's first load.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(
      () => setTimeout(() => whenIdle(warm), WARM_AFTER_MS),
      () => {
        // No worker (private browsing, plain http): the app works, it just cannot reload offline.
      },
    );
  };
  // Registered once the page is loaded and idle: its install would otherwise share the phone's network with the
  // first load (it precaches the live meeting's chunks, which the join form fetches itself while the name is typed).
  if (document.readyState === 'complete') whenIdle(register);
  else window.addEventListener('load', () => whenIdle(register), { once: true });
}

function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 10_000 });
  else setTimeout(run, 0);
}

function warm(): void {
  navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(WARM_MESSAGE)).catch(() => {});
}
