import { useSyncExternalStore } from 'react';

export type RouteParams = Record<string, string>;

/** Matches a path such as "/sessions/abc" against a pattern such as "/sessions/:id"; null when it does not fit. */
export function matchRoute(pattern: string, path: string): RouteParams | null {
  const patternParts = split(pattern);
  const pathParts = split(path);
  if (patternParts.length !== pathParts.length) return null;
  const params: RouteParams = {};
  for (let index = 0; index < patternParts.length; index++) {
    const expected = patternParts[index] ?? '';
    const actual = pathParts[index] ?? '';
    if (expected.startsWith(':')) {
      const value = decode(actual);
      if (value === null || value === '') return null;
      params[expected.slice(1)] = value;
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

/** Finds the first route whose pattern fits the path. */
export function findRoute<T extends { path: string }>(
  routes: readonly T[],
  path: string,
): { route: T; params: RouteParams } | null {
  for (const route of routes) {
    const params = matchRoute(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

function split(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    // A malformed escape such as "%E0%A4%A" cannot be a real id: treat it as no match rather than crash.
    return null;
  }
}

// pushState fires no event of its own, so navigations announce themselves to subscribers here.
const listeners = new Set<() => void>();
let focusRequested = false;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Moves to another page of the app without reloading it. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  focusRequested = true;
  for (const listener of listeners) listener();
}

/**
 * After an in-app navigation, whether the new page should take focus (once). Without a reload the
 * browser leaves focus on the vanished link, so a screen reader would not hear that the page changed.
 */
export function takeFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}

/** The current path, re-rendering on every navigation (links, back and forward). */
export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );
}
