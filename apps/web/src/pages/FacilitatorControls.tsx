import type { MeetingState } from '@consultboard/domain';
import { MeetingTimer } from '../components/MeetingTimer';
import type { CommandBody } from '../meeting/commandBody';
import { controlsAvailable } from '../meeting/controlsAvailable';
import type { CommandOutcome } from '../meeting/MeetingClient';
import { ControlButton } from './ControlButton';

/**
 * The timer, stage and case buttons, in the console's bar that stays on screen while the cards and notes scroll.
 * Buttons that cannot apply say so (aria-disabled) rather than being refused afterwards, and keep focus: the timer
 * is one button that reads Start timer or Pause timer, so focus stays on it when it changes.
 */
export function FacilitatorControls({
  state,
  clockOffset,
  enabled,
  send,
  onNextCase,
  onPreviousCase,
}: {
  state: MeetingState;
  clockOffset: number;
  enabled: boolean;
  send: (body: CommandBody) => Promise<CommandOutcome>;
  /** Issue 10: Next case asks Check before keeping first; without it, Next case moves at once. */
  onNextCase?: () => void;
  /** Issue 12: Previous case leaves a case too (its minutes are kept), so it asks first as well. */
  onPreviousCase?: () => void;
}) {
  const can = controlsAvailable(state);
  return (
    <div className="controls">
      <section className="control-group" aria-labelledby="timer-heading">
        <h2 id="timer-heading" className="visually-hidden">
          Timer
        </h2>
        <MeetingTimer timer={state.timer} clockOffset={clockOffset} />
        <div className="button-row">
          <ControlButton
            className={can.timerRunning ? 'secondary' : 'primary'}
            unavailable={!enabled}
            onPress={() => send({ type: can.timerRunning ? 'timer.pause' : 'timer.start' })}
          >
            {can.timerRunning ? 'Pause timer' : 'Start timer'}
          </ControlButton>
          <ControlButton unavailable={!enabled} onPress={() => send({ type: 'timer.extend' })}>
            Add 2 minutes
          </ControlButton>
        </div>
      </section>

      <section className="control-group" aria-labelledby="stage-heading">
        <h2 id="stage-heading" className="visually-hidden">
          Stage
        </h2>
        <div className="button-row">
          <ControlButton unavailable={!enabled || !can.previousStage} onPress={() => send({ type: 'stage.previous' })}>
            Previous stage
          </ControlButton>
          <ControlButton
            className="primary"
            unavailable={!enabled || !can.nextStage}
            onPress={() => send({ type: 'stage.next' })}
          >
            Next stage
          </ControlButton>
        </div>
      </section>

      <section className="control-group" aria-labelledby="case-heading">
        <h2 id="case-heading" className="visually-hidden">
          Case
        </h2>
        <div className="button-row">
          <ControlButton
            unavailable={!enabled || !can.previousCase}
            onPress={() => (onPreviousCase ? onPreviousCase() : send({ type: 'case.previous' }))}
          >
            Previous case
          </ControlButton>
          <ControlButton
            unavailable={!enabled || !can.nextCase}
            onPress={() => (onNextCase ? onNextCase() : send({ type: 'case.next' }))}
          >
            Next case
          </ControlButton>
        </div>
      </section>
    </div>
  );
}
