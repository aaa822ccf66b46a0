import {
  describeFinding,
  type PlacedFinding,
  type PrivacyCheckView,
  REPLACEMENT_MAX,
  replacementChoices,
} from '@consultboard/domain';
import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError, apiGet, apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import { Modal } from '../components/Modal';
import './privacy.css';

/**
 * What the EP was doing when the check opened: the button that carries on names it. Every move that leaves a case
 * keeps its minutes, so each asks first: Next case, Previous case, Go to a case on the agenda, End session.
 */
export type KeepingAction = 'Next case' | 'Previous case' | `Go to ${string}` | 'End session';

const OWN_WORDS = 'own';

/**
 * Check before keeping (issue 10, item 4): before the minutes of a case are kept (the console leaves it), every
 * undismissed finding in its notes, cards and plan, each in its place and its sentence, with Replace with…, Not
 * personal and Edit. Once none is left the EP carries on; Keep without checking carries on too, and is recorded.
 */
export function CheckBeforeKeeping({
  sessionId,
  view,
  action,
  onChanged,
  onProceed,
  onEdit,
  onClose,
}: {
  sessionId: string;
  view: PrivacyCheckView | null;
  action: KeepingAction;
  /** The check answered again, after a change. */
  onChanged: (view: PrivacyCheckView) => void;
  onProceed: () => void;
  /** Edit: the dialog closes and the EP goes to the place (the move does not happen). */
  onEdit: (finding: PlacedFinding) => void;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = view ? `/api/sessions/${sessionId}/cases/${view.caseId}/privacy-check` : '';

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  }

  const refresh = async () => onChanged(await apiGet<PrivacyCheckView>(base));

  const replace = (finding: PlacedFinding, replacement: string) =>
    run(async () => {
      const answer = await apiPost<PrivacyCheckView & { replaced: number }>(`${base}/replace`, {
        place: finding.place,
        kind: finding.kind,
        text: finding.text,
        replacement,
      });
      onChanged(answer);
    });

  const notPersonal = (finding: PlacedFinding) =>
    run(async () => {
      await apiPost(`/api/cases/${view?.caseId}/privacy/dismissals`, { kind: finding.kind, text: finding.text });
      await refresh();
    });

  const keepWithoutChecking = () =>
    run(async () => {
      await apiPost(`${base}/keep`, {});
      onProceed();
    });

  const findings = view?.findings ?? [];
  return (
    <Modal
      open={view !== null}
      onClose={onClose}
      labelledBy="check-heading"
      describedBy="check-text"
      initialFocus={heading}
      className="check-before-keeping"
    >
      <h2 id="check-heading" tabIndex={-1} ref={heading}>
        Check before keeping
      </h2>
      {view && findings.length > 0 && (
        <p id="check-text">
          These words in the minutes of {view.reference} look like personal data. Replace them, say they are not
          personal, or edit them, before the minutes are kept.
        </p>
      )}
      {view && findings.length === 0 && (
        <p id="check-text" role="status">
          Nothing is left to check in the minutes of {view.reference}.
        </p>
      )}
      <ErrorAlert message={error} />
      {findings.length > 0 && (
        <ol className="check-findings">
          {findings.map((finding, index) => (
            <FindingRow
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole after every change
              key={`${index}:${finding.kind}:${finding.text}`}
              finding={finding}
              choices={
                view ? replacementChoices({ reference: view.reference, kind: view.child ? 'child' : 'topic' }) : []
              }
              reference={view?.child ? view.reference : undefined}
              busy={busy}
              onReplace={(replacement) => replace(finding, replacement)}
              onNotPersonal={() => notPersonal(finding)}
              onEdit={() => onEdit(finding)}
            />
          ))}
        </ol>
      )}
      <div className="button-row check-actions">
        {findings.length === 0 ? (
          <button type="button" className="button primary" onClick={onProceed}>
            {action}
          </button>
        ) : (
          <button
            type="button"
            className="button secondary"
            aria-disabled={busy || undefined}
            onClick={() => !busy && keepWithoutChecking()}
          >
            Keep without checking
          </button>
        )}
        <button type="button" className="button secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

function FindingRow({
  finding,
  choices,
  reference,
  busy,
  onReplace,
  onNotPersonal,
  onEdit,
}: {
  finding: PlacedFinding;
  choices: string[];
  reference?: string;
  busy: boolean;
  onReplace: (replacement: string) => void;
  onNotPersonal: () => void;
  onEdit: () => void;
}) {
  const id = useId();
  const [choosing, setChoosing] = useState(false);
  const [choice, setChoice] = useState(choices[0] ?? OWN_WORDS);
  const [own, setOwn] = useState('');
  const [ownError, setOwnError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const words = choice === OWN_WORDS ? own.trim() : choice;
    if (!words) return setOwnError('Write what goes in its place.');
    if (words.length > REPLACEMENT_MAX) return setOwnError(`Keep it to ${REPLACEMENT_MAX} characters.`);
    onReplace(words);
  };
  return (
    <li className="check-finding">
      <p className="check-place">{finding.placeLabel}</p>
      <p className="check-context" id={`${id}-context`}>
        {finding.context.before}
        <mark>{finding.context.match}</mark>
        {finding.context.after}
      </p>
      <p className="muted">{describeFinding(finding, reference)}</p>
      {choosing ? (
        <form className="check-replace" onSubmit={submit} noValidate>
          <fieldset>
            <legend>Replace '{finding.text}' with</legend>
            {[...choices, OWN_WORDS].map((option) => (
              <label key={option} className="choice">
                <input
                  type="radio"
                  name={`${id}-choice`}
                  value={option}
                  checked={choice === option}
                  onChange={() => setChoice(option)}
                />
                {option === OWN_WORDS ? 'My own words' : option}
              </label>
            ))}
          </fieldset>
          {choice === OWN_WORDS && (
            <TextField
              label="Own words"
              value={own}
              limit={REPLACEMENT_MAX}
              error={ownError}
              onChange={(event) => {
                setOwnError(undefined);
                setOwn(event.target.value);
              }}
            />
          )}
          <div className="button-row">
            <button type="submit" className="button primary small" aria-disabled={busy || undefined}>
              Replace
            </button>
            <button type="button" className="button secondary small" onClick={() => setChoosing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button primary small"
            aria-describedby={`${id}-context`}
            onClick={() => setChoosing(true)}
          >
            Replace with…
          </button>
          <button
            type="button"
            className="button secondary small"
            aria-describedby={`${id}-context`}
            aria-disabled={busy || undefined}
            onClick={() => !busy && onNotPersonal()}
          >
            Not personal
          </button>
          <button type="button" className="button secondary small" aria-describedby={`${id}-context`} onClick={onEdit}>
            Edit
          </button>
        </div>
      )}
    </li>
  );
}
