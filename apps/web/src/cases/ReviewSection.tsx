import '../actionPlan/plan.css';
import {
  type ActionPlanView,
  REVIEW_IMPACT_LABELS,
  REVIEW_IMPACTS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
  type ReviewImpact,
  type ReviewOutcome,
} from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { apiPut } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextArea } from '../components/Field';
import { formatDateTime } from '../format';
import { FieldFindings } from '../privacy/FieldFindings';
import { useCasePrivacy } from '../privacy/PrivacyContext';
import { useAction } from '../useAction';
import { RadioGroup } from './RadioGroup';

type Impacts = Record<string, { impact: ReviewImpact | null; note: string }>;

function impactsOf(plan: ActionPlanView): Impacts {
  const impacts: Impacts = {};
  for (const row of plan.rows) {
    const recorded = plan.review?.actions.find((action) => action.rowId === row.id);
    impacts[row.id] = { impact: recorded?.impact ?? null, note: recorded?.note ?? '' };
  }
  return impacts;
}

/** The review at the review date: the impact of each action and the outcome for the case. */
export function ReviewSection({
  caseId,
  plan,
  onPlan,
  readOnly = false,
}: {
  caseId: string;
  plan: ActionPlanView;
  onPlan: (plan: ActionPlanView) => void;
  readOnly?: boolean;
}) {
  const [impacts, setImpacts] = useState<Impacts>(() => impactsOf(plan));
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(plan.review?.outcome ?? null);
  const [note, setNote] = useState(plan.review?.note ?? '');
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const privacy = useCasePrivacy();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    if (!outcome) {
      setError('Choose an outcome.');
      return;
    }
    await run(async () => {
      const actions = plan.rows.flatMap((row) => {
        const entry = impacts[row.id];
        return entry?.impact ? [{ rowId: row.id, impact: entry.impact, note: entry.note }] : [];
      });
      const body = await apiPut<{ plan: ActionPlanView }>(`/api/cases/${encodeURIComponent(caseId)}/review`, {
        actions,
        outcome,
        note,
      });
      onPlan(body.plan);
      privacy?.refresh();
      setDone('Review recorded.');
    });
  }

  return (
    <section className="panel stack" aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      {plan.review ? <RecordedReview plan={plan} /> : <p>No review recorded yet.</p>}
      {!readOnly && (
        <form onSubmit={submit} noValidate className="stack">
          <h3>{plan.review ? 'Record the review again' : 'Record the review'}</h3>
          {plan.rows.map((row, index) => {
            const entry = impacts[row.id] ?? { impact: null, note: '' };
            const change = (next: Partial<typeof entry>) =>
              setImpacts((current) => ({ ...current, [row.id]: { ...entry, ...current[row.id], ...next } }));
            return (
              <fieldset key={row.id} className="review-action">
                <legend>
                  Review of action {index + 1}: {row.action}
                </legend>
                <RadioGroup
                  legend="Impact"
                  name={`impact-${row.id}`}
                  options={REVIEW_IMPACTS.map((value) => ({ value, label: REVIEW_IMPACT_LABELS[value] }))}
                  value={entry.impact}
                  onChange={(impact) => change({ impact })}
                />
                <TextArea label="Note" rows={2} value={entry.note} onChange={(e) => change({ note: e.target.value })} />
                <FieldFindings text={entry.note} label={`the note on action ${index + 1}`} />
              </fieldset>
            );
          })}
          <RadioGroup
            legend="Outcome"
            name="outcome"
            options={REVIEW_OUTCOMES.map((value) => ({ value, label: REVIEW_OUTCOME_LABELS[value] }))}
            value={outcome}
            onChange={setOutcome}
          />
          <TextArea
            label="Note"
            hint="For the case as a whole. No names."
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <FieldFindings text={note} label="the review's note" />
          <ErrorAlert message={error} />
          <div className="button-row">
            <button type="submit" className="button primary" disabled={busy}>
              Record review
            </button>
            <span role="status">{done}</span>
          </div>
        </form>
      )}
    </section>
  );
}

function RecordedReview({ plan }: { plan: ActionPlanView }) {
  const review = plan.review;
  if (!review) return null;
  return (
    <div className="review-recorded notice">
      <p>
        Reviewed on {formatDateTime(review.reviewedAt)} by {review.reviewedBy}.
      </p>
      <dl>
        <div>
          <dt>Outcome</dt>
          <dd>{REVIEW_OUTCOME_LABELS[review.outcome]}</dd>
        </div>
        {review.note && (
          <div>
            <dt>Note</dt>
            <dd>{review.note}</dd>
          </div>
        )}
      </dl>
      {review.actions.length > 0 && (
        <ul>
          {review.actions.map((action) => {
            const row = plan.rows.find((candidate) => candidate.id === action.rowId);
            return (
              <li key={action.rowId}>
                {row?.action ?? 'A removed action'}: {REVIEW_IMPACT_LABELS[action.impact]}
                {action.note && ` (${action.note})`}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
