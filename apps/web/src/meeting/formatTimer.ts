function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Shows a countdown as mm:ss, rounding up so "00:00" appears only when time is really up;
 * once over, shows the overrun as +m:ss.
 */
export function formatTimer(remainingMs: number): string {
  if (remainingMs > 0) {
    const seconds = Math.ceil(remainingMs / 1000);
    return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
  }
  const over = Math.floor(-remainingMs / 1000);
  if (over === 0) return '00:00';
  return `+${Math.floor(over / 60)}:${pad(over % 60)}`;
}

/** The same time in words, for the timer's accessible description. */
export function describeTimer(remainingMs: number): string {
  const over = remainingMs <= -1000;
  const totalSeconds = over ? Math.floor(-remainingMs / 1000) : Math.ceil(Math.max(0, remainingMs) / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`);
  return over ? `${parts.join(' ')} over time` : `${parts.join(' ')} left`;
}
