import type { MeetingRole, Participant } from '@consultboard/domain';
import type { CommandBody } from '../meeting/commandBody';
import type { CommandOutcome } from '../meeting/MeetingClient';
import { presenceLabel } from '../presenting/presenceLabel';

/** The EP and the board head the list; the phones follow in the order they came. */
const ROLE_ORDER: Record<MeetingRole, number> = { facilitator: 0, projector: 1, participant: 2 };

/**
 * Who is connected right now, from the server's presence list, and the EP's say over it: Remove sends a phone out
 * of the meeting for good, and Lock the room keeps anyone new from joining with the code.
 */
export function PresenceList({
  people,
  locked,
  enabled,
  send,
}: {
  people: Participant[];
  locked: boolean;
  enabled: boolean;
  send: (body: CommandBody) => Promise<CommandOutcome>;
}) {
  const count = people.length;
  const listed = [...people].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return (
    <section className="panel" aria-labelledby="presence-heading">
      <h2 id="presence-heading">Connected</h2>
      <button
        type="button"
        role="switch"
        aria-checked={locked}
        aria-describedby="lock-note"
        className="switch"
        disabled={!enabled}
        onClick={() => send({ type: 'room.lock', locked: !locked })}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        Lock the room
      </button>
      <p id="lock-note" className="hint">
        {locked ? 'Locked: nobody new can join. Everyone here stays.' : 'Anyone with the join code can join.'}
      </p>
      <p className="muted">
        {count} {count === 1 ? 'connection' : 'connections'}
      </p>
      {count > 0 && (
        <ul className="presence">
          {listed.map((person) => (
            <li key={person.id}>
              <span className="presence-name">
                {person.name} <span className="muted">({presenceLabel(person)})</span>
              </span>
              {person.role === 'participant' && (
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`Remove ${person.name}`}
                  disabled={!enabled}
                  onClick={() => send({ type: 'participant.remove', participantId: person.id })}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
