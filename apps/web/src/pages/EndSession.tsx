import { useRef, useState } from 'react';
import { Modal } from '../components/Modal';
import type { CommandBody } from '../meeting/commandBody';
import type { CommandOutcome } from '../meeting/MeetingClient';

/**
 * End session, asked first (issue 9, item 4): one click on the console never ends the meeting for everyone. The
 * dialog says what ending does and starts on Keep going, the safe answer; Escape keeps going too.
 */
export function EndSession({
  enabled,
  send,
  checkFirst,
}: {
  enabled: boolean;
  send: (body: CommandBody) => Promise<CommandOutcome>;
  /** Issue 10: Check before keeping comes first; this dialog opens once it lets the EP carry on. */
  checkFirst?: (then: () => void) => void;
}) {
  const [asking, setAsking] = useState(false);
  const keepGoing = useRef<HTMLButtonElement>(null);
  return (
    <section className="panel end-group" aria-labelledby="end-heading">
      <h2 id="end-heading">Finish</h2>
      <button
        type="button"
        className="button danger"
        aria-haspopup="dialog"
        aria-disabled={!enabled || undefined}
        onClick={() => {
          if (!enabled) return;
          if (checkFirst) checkFirst(() => setAsking(true));
          else setAsking(true);
        }}
      >
        End session
      </button>
      <Modal
        open={asking}
        onClose={() => setAsking(false)}
        labelledBy="end-dialog-heading"
        describedBy="end-dialog-text"
        initialFocus={keepGoing}
      >
        <h2 id="end-dialog-heading">End the session for everyone?</h2>
        <p id="end-dialog-text">Phones are disconnected and the live notes become read-only.</p>
        <div className="button-row">
          <button
            type="button"
            className="button danger"
            onClick={() => {
              setAsking(false);
              void send({ type: 'session.end' });
            }}
          >
            End session
          </button>
          <button type="button" className="button primary" ref={keepGoing} onClick={() => setAsking(false)}>
            Keep going
          </button>
        </div>
      </Modal>
    </section>
  );
}
