import { useCallback, useEffect, useState } from 'react';
import { apiGet, errorMessage } from './api';

export interface ApiData<T> {
  data: T | null;
  error: string | null;
  /** Replace what was loaded (after a change the server answered with). */
  setData: (data: T) => void;
  reload: () => void;
}

/** Loads one GET endpoint for a page, again whenever the path changes or reload is called. */
export function useApiData<T>(path: string | null): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setError(null);
    // The version is read so that reload() refetches the same path.
    void version;
    apiGet<T>(path)
      .then((body) => current && setData(body))
      .catch((caught: unknown) => current && setError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [path, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { data, error, setData, reload };
}
