import { describeChildReference, type SessionCaseView } from '@consultboard/domain';

/** The cases of a session in order; while it is a draft each can move up, move down or come off. */
export function Agenda({
  cases,
  editable,
  busy,
  onMove,
  onRemove,
}: {
  cases: SessionCaseView[];
  editable: boolean;
  busy: boolean;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (caseId: string) => void;
}) {
  if (cases.length === 0) return <p>No cases on the agenda yet.</p>;
  return (
    <ol className="agenda">
      {cases.map((agendaCase, index) => (
        <li key={agendaCase.id}>
          <span className="case-reference" id={`agenda-${agendaCase.id}`}>
            {agendaCase.reference}
          </span>
          {agendaCase.kind === 'child' && (
            <span className="muted"> ({describeChildReference(agendaCase.reference)})</span>
          )}
          {editable && (
            <span className="button-row agenda-actions">
              <button
                type="button"
                className="button secondary small"
                aria-describedby={`agenda-${agendaCase.id}`}
                disabled={busy || index === 0}
                onClick={() => onMove(index, -1)}
              >
                Move up
              </button>
              <button
                type="button"
                className="button secondary small"
                aria-describedby={`agenda-${agendaCase.id}`}
                disabled={busy || index === cases.length - 1}
                onClick={() => onMove(index, 1)}
              >
                Move down
              </button>
              <button
                type="button"
                className="button secondary small"
                aria-describedby={`agenda-${agendaCase.id}`}
                disabled={busy}
                onClick={() => onRemove(agendaCase.id)}
              >
                Remove
              </button>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
