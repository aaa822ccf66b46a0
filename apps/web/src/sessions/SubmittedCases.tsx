import { AREA_OF_NEED_LABELS, CASE_TYPE_LABELS, type CaseView } from '@consultboard/domain';
import { consentStatus, needsConsent } from '../cases/caseStatus';
import { Link } from '../components/Link';
import { ToCheckBadge } from '../privacy/ToCheckNotice';

/** The cases SENCOs submitted to this session, each ready to add to the agenda unless consent is missing. */
export function SubmittedCases({
  cases,
  onAgenda,
  editable,
  busy,
  refused,
  onAdd,
}: {
  cases: CaseView[];
  onAgenda: ReadonlySet<string>;
  editable: boolean;
  busy: boolean;
  /** A case the server refused for want of consent: it says why beside it. */
  refused: string | null;
  onAdd: (caseId: string) => void;
}) {
  if (cases.length === 0) return <p>No cases submitted to this session yet.</p>;
  return (
    <ul className="submitted-cases">
      {cases.map((found) => {
        const missing = needsConsent(found);
        return (
          <li key={found.id} className={refused === found.id ? 'submitted-case refused' : 'submitted-case'}>
            <h3 id={`submitted-${found.id}`}>
              <Link href={`/cases/${encodeURIComponent(found.id)}`}>{found.reference}</Link>
            </h3>
            {found.personalDataToCheck && (
              <p>
                <ToCheckBadge />
              </p>
            )}
            <dl className="facts compact">
              <div>
                <dt>Type</dt>
                <dd>{CASE_TYPE_LABELS[found.type]}</dd>
              </div>
              <div>
                <dt>Areas of need</dt>
                <dd>
                  {found.preparation.areasOfNeed.length === 0
                    ? 'None chosen'
                    : found.preparation.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]).join('; ')}
                </dd>
              </div>
              <div>
                <dt>Consent</dt>
                <dd className={missing ? 'consent-missing' : undefined}>{consentStatus(found)}</dd>
              </div>
            </dl>
            {editable &&
              (onAgenda.has(found.id) ? (
                <p className="muted">On the agenda</p>
              ) : (
                <button
                  type="button"
                  className="button secondary small"
                  aria-describedby={`submitted-${found.id}`}
                  disabled={busy}
                  onClick={() => onAdd(found.id)}
                >
                  Add case
                </button>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
