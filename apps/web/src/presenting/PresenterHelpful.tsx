import { cardsOfCurrentCase, currentCase, currentStage } from '@consultboard/domain';
import { CardView } from '../components/CardView';
import { makeCommandId } from '../meeting/commandId';
import type { MeetingView } from '../meeting/useMeeting';
import './presenting.css';

/**
 * Whether this phone is the presenting SENCO's, in the stage where their own case's helpful cards are marked: then
 * their list with Helpful toggles takes the place of the room's list on the phone.
 */
export function presenterMarks(meeting: MeetingView): boolean {
  const presenting = meeting.welcome?.presenting ?? [];
  const agendaCase = currentCase(meeting.state);
  return (
    agendaCase !== undefined && presenting.includes(agendaCase.id) && currentStage(meeting.state)?.marksHelpful === true
  );
}

/**
 * On the presenting SENCO's phone (issue 9 item 3): who they are in the room and, in the stage where helpful cards
 * are marked, their own case's cards, each with a Helpful toggle. Shows nothing on any other phone: only a phone
 * the server welcomed as presenting (`welcome.presenting`, bound to the SENCO's account) has cases to mark.
 */
export function PresenterHelpful({ meeting }: { meeting: MeetingView }) {
  const presenting = meeting.welcome?.presenting ?? [];
  if (presenting.length === 0) return null;
  const { state } = meeting;
  const references = state.cases.filter((one) => presenting.includes(one.id)).map((one) => one.reference);
  const cards = presenterMarks(meeting) ? cardsOfCurrentCase(state) : null;
  const connected = meeting.connection === 'connected';

  return (
    <section className="presenter" aria-labelledby="presenter-heading">
      <p id="presenter-heading" className="presenter-role">
        <span className="badge">Presenting SENCO</span> {references.join(', ')}
      </p>
      {cards && (
        <>
          <h2>Cards for this case</h2>
          <p className="hint">Mark the cards you found helpful. They become the first draft of the action plan.</p>
          {cards.length === 0 && <p className="muted">No cards were added for this case.</p>}
          <ul className="phone-cards">
            {cards.map((card) => (
              <li key={card.id} className={`card kind-${card.kind}${card.helpful ? ' card-helpful' : ''}`}>
                <CardView card={card} id={`presenter-card-${card.id}`} />
                <button
                  type="button"
                  className="button secondary big"
                  aria-pressed={card.helpful}
                  aria-describedby={`presenter-card-${card.id}`}
                  disabled={!connected}
                  onClick={() =>
                    meeting.sendCommand({
                      id: makeCommandId(),
                      type: 'card.helpful',
                      cardId: card.id,
                      helpful: !card.helpful,
                    })
                  }
                >
                  Helpful
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
