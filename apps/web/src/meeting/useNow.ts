import { useEffect, useState } from 'react';

/** The server's time, re-read every interval while `ticking`; otherwise read once per render. */
export function useServerNow(clockOffset: number, ticking: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [ticking, intervalMs]);
  return (ticking ? now : Date.now()) + clockOffset;
}
