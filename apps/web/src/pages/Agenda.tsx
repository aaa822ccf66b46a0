import { describeChildReference, type SessionCaseView } from '@consultboard/domain';

/** The cases of a session in order, each removable while the session is a draft. */
export function Agenda({
  cases,
  editable,
  busy,
  onRemove,
}: {
  cases: SessionCaseView[];
  editable: boolean;
  busy: boolean;
  onRemove: (caseId: string) => void;
}) {
  if (cases.length === 0) return <p>No cases yet.</p>;
  const ordered = [...cases].sort((a, b) => a.position - b.position);
  return (
    <ol className="agenda">
      {ordered.map((agendaCase) => (
        <li key={agendaCase.id}>
          <span className="case-reference" id={`case-${agendaCase.id}`}>
            {agendaCase.reference}
          </span>
          {agendaCase.kind === 'child' && (
            <span className="muted"> ({describeChildReference(agendaCase.reference)})</span>
          )}
          {editable && (
            <button
              type="button"
              className="button secondary small"
              aria-describedby={`case-${agendaCase.id}`}
              disabled={busy}
              onClick={() => onRemove(agendaCase.id)}
            >
              Remove
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
