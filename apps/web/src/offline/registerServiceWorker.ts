/**
 * Registers the offline service worker in production builds. Browsers allow it only on https or localhost;
 * elsewhere the app simply runs without it.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No worker (private browsing, plain http): the app works, it just cannot reload offline.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
