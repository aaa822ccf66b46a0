import type { MeetingRole, Participant } from '@consultboard/domain';

const ROLE_LABELS: Record<MeetingRole, string> = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  projector: 'Board',
};

/** Who is connected right now, from the server's presence list. */
export function PresenceList({ people }: { people: Participant[] }) {
  const count = people.length;
  return (
    <section className="panel" aria-labelledby="presence-heading">
      <h2 id="presence-heading">Connected</h2>
      <p className="muted">
        {count} {count === 1 ? 'connection' : 'connections'}
      </p>
      {count > 0 && (
        <ul className="presence">
          {people.map((person) => (
            <li key={person.id}>
              {person.name} <span className="muted">({ROLE_LABELS[person.role]})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
