// The service worker: keeps the phone's pages loadable when the Wi-Fi drops. Built into dist/sw.js by
// serviceWorkerPlugin, which writes this build's precache list in place of the placeholder below.
import { routeRequest, SHELL_URL, WARM_MESSAGE } from './swRoutes';

// The DOM library has no service worker types; these are the few parts used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableEvent & { data: unknown }) => void): void;
}

interface Manifest {
  version: string;
  /** Cached at install: the phone's shell and the live meeting. */
  urls: string[];
  /** Cached when the page says it is idle (`WARM_MESSAGE`): the notes. */
  later: string[];
}

const worker = globalThis as unknown as WorkerScope;
const manifest = JSON.parse('__CONSULTBOARD_PRECACHE__') as Manifest;
const CACHE_PREFIX = 'consultboard-shell-';
const cacheName = `${CACHE_PREFIX}${manifest.version}`;
/** On Wi-Fi that connects but carries nothing, the cached page is better than a long wait. */
const NAVIGATION_TIMEOUT_MS = 4000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(manifest.urls.map(precacheRequest)))
      .then(() => worker.skipWaiting()),
  );
});

/**
 * The shell page is fetched past the HTTP cache (cache: 'reload'), so it is this build's. A hashed asset never
 * changes under its name: the copy the page has just loaded (HTTP cache) is the right one, and fetching it again
 * would download the whole first load twice on the phone's slow network.
 */
function precacheRequest(url: string): Request {
  return new Request(url, { cache: url.startsWith('/assets/') ? 'default' : 'reload' });
}

// The page is loaded and idle (or Notes was opened): now the notes are fetched, for an offline reload.
worker.addEventListener('message', (event) => {
  if (event.data !== WARM_MESSAGE) return;
  event.waitUntil(
    caches.open(cacheName).then(async (cache) => {
      const missing: string[] = [];
      for (const url of manifest.later) if (!(await cache.match(url))) missing.push(url);
      await cache.addAll(missing.map(precacheRequest));
    }),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== cacheName)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const route = routeRequest(new URL(request.url), request, worker.location.origin);
  if (route === 'shell') event.respondWith(networkOrShell(request));
  else if (route === 'asset') event.respondWith(cacheFirst(request));
});

/** The page from the network while it answers; the cached shell when it fails or is too slow. */
async function networkOrShell(request: Request): Promise<Response> {
  try {
    const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
    if (response.ok) return response;
  } catch {
    // Offline or too slow: fall through to the cached page.
  }
  const cached = await caches.match(SHELL_URL);
  return cached ?? Response.error();
}

/** Built assets never change under one name: the cached copy when there is one, else the network (kept). */
async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(cacheName).then((cache) => cache.put(request, copy));
  }
  return response;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
