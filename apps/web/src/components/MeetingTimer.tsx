import { type TimerState, timerRemainingMs } from '@consultboard/domain';
import { formatTimer } from '../meeting/formatTimer';
import { useServerNow } from '../meeting/useNow';

/** The stage countdown from the server's end time, so every screen shows the same seconds. */
export function MeetingTimer({ timer, clockOffset }: { timer: TimerState; clockOffset: number }) {
  const running = timer.status === 'running';
  const now = useServerNow(clockOffset, running);
  const remaining = timerRemainingMs(timer, now);
  const over = remaining <= -1000;
  return (
    <p className={`timer${over ? ' timer-over' : ''}${running ? '' : ' timer-paused'}`}>
      <span className="timer-label">{over ? 'Over time' : 'Time left'}</span>{' '}
      <span role="timer" className="timer-digits">
        {formatTimer(remaining)}
      </span>
      {!running && <span className="timer-state"> (paused)</span>}
    </p>
  );
}
