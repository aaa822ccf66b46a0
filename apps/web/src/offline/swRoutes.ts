/** What the service worker does with a request: serve the app shell, an asset, or stay out of the way. */
export type SwRoute = 'shell' | 'asset' | 'network';

/** The cached page every phone route renders from: the server answers every page path with the same index.html. */
export const SHELL_URL = '/join';

/** What the page tells its service worker once it is idle after its load: cache the chunks kept for later. */
export const WARM_MESSAGE = 'consultboard:cache-later';

// Live data is never cached: the meeting socket, the notes socket and the API always go to the network.
const LIVE = /^\/(api|socket\.io|yjs)(\/|$)/;
// The phone's pages: /join and /join/:code.
const PHONE_PAGE = /^\/join(\/[^/]+)?\/?$/;

/** Decides how the service worker treats a request; anything not the phone's shell or a built asset is left alone. */
export function routeRequest(url: URL, request: { method: string; mode: string }, origin: string): SwRoute {
  if (request.method !== 'GET' || url.origin !== origin) return 'network';
  if (LIVE.test(url.pathname)) return 'network';
  if (request.mode === 'navigate') return PHONE_PAGE.test(url.pathname) ? 'shell' : 'network';
  if (url.pathname.startsWith('/assets/')) return 'asset';
  return 'network';
}
