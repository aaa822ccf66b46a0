/** The part of the Web Storage API the app uses, so tests can pass a Map-backed stand-in. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A store kept in memory: for tests, and where localStorage is missing or refuses (private browsing). */
export function memoryStore(): KeyValueStore & { readonly size: number; keys(): string[] } {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
    get size() {
      return values.size;
    },
    keys: () => [...values.keys()],
  };
}

let fallback: KeyValueStore | null = null;

/** localStorage when the browser allows it, otherwise memory: a phone that cannot persist still works. */
export function browserStore(): KeyValueStore {
  try {
    const probe = '__consultboard_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return {
      getItem: (key) => window.localStorage.getItem(key),
      setItem: (key, value) => {
        try {
          window.localStorage.setItem(key, value);
        } catch {
          // Storage full: the value still lives in the page; losing persistence beats losing the meeting.
        }
      },
      removeItem: (key) => window.localStorage.removeItem(key),
    };
  } catch {
    fallback ??= memoryStore();
    return fallback;
  }
}

/** Reads JSON written by writeJson; anything unreadable counts as absent. */
export function readJson(store: KeyValueStore, key: string): unknown {
  const raw = store.getItem(key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  store.setItem(key, JSON.stringify(value));
}
