import type { MeetingState } from '@consultboard/domain';
import { MeetingTimer } from '../components/MeetingTimer';
import type { CommandBody } from '../meeting/commandBody';
import type { CommandOutcome } from '../meeting/MeetingClient';

/** Timer and stage buttons. Buttons that cannot apply are disabled rather than refused afterwards. */
export function FacilitatorControls({
  state,
  clockOffset,
  enabled,
  send,
}: {
  state: MeetingState;
  clockOffset: number;
  enabled: boolean;
  send: (body: CommandBody) => Promise<CommandOutcome>;
}) {
  const running = state.timer.status === 'running';
  const firstStage = state.stageIndex <= 0;
  const lastStage = state.stageIndex >= state.stages.length - 1;
  const lastCase = state.caseIndex >= state.cases.length - 1;
  return (
    <div className="controls">
      <section className="panel control-group" aria-labelledby="timer-heading">
        <h2 id="timer-heading">Timer</h2>
        <MeetingTimer timer={state.timer} clockOffset={clockOffset} />
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            disabled={!enabled || running}
            onClick={() => send({ type: 'timer.start' })}
          >
            Start timer
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!enabled || !running}
            onClick={() => send({ type: 'timer.pause' })}
          >
            Pause timer
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!enabled}
            onClick={() => send({ type: 'timer.extend' })}
          >
            Add 2 minutes
          </button>
        </div>
      </section>

      <section className="panel control-group" aria-labelledby="stage-heading">
        <h2 id="stage-heading">Stage</h2>
        <div className="button-row">
          <button
            type="button"
            className="button secondary"
            disabled={!enabled || firstStage}
            onClick={() => send({ type: 'stage.previous' })}
          >
            Previous stage
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!enabled || lastStage}
            onClick={() => send({ type: 'stage.next' })}
          >
            Next stage
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={!enabled || lastCase}
            onClick={() => send({ type: 'case.next' })}
          >
            Next case
          </button>
        </div>
      </section>

      <section className="panel control-group end-group" aria-labelledby="end-heading">
        <h2 id="end-heading">Finish</h2>
        <p id="end-note" className="hint">
          Ends the meeting for everyone at once. Phones are disconnected.
        </p>
        <button
          type="button"
          className="button danger"
          aria-describedby="end-note"
          disabled={!enabled}
          onClick={() => send({ type: 'session.end' })}
        >
          End session
        </button>
      </section>
    </div>
  );
}
