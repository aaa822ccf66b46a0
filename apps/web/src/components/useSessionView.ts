import type { SessionView } from '@consultboard/domain';
import { useEffect, useState } from 'react';
import { apiGet, errorMessage } from '../api';

/** Loads one session's summary (status, locality, date) once per id. */
export function useSessionView(id: string): { session: SessionView | null; error: string | null } {
  const [result, setResult] = useState<{ session: SessionView | null; error: string | null }>({
    session: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    setResult({ session: null, error: null });
    apiGet<{ session: SessionView }>(`/api/sessions/${encodeURIComponent(id)}`)
      .then(({ session }) => current && setResult({ session, error: null }))
      .catch((caught: unknown) => current && setResult({ session: null, error: errorMessage(caught) }));
    return () => {
      current = false;
    };
  }, [id]);
  return result;
}
