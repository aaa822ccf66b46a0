import {
  type ActionPlanView,
  type ActionRow,
  allowedOnCase,
  type CaseAccessTarget,
  type ExportFinding,
  rowsToFill,
} from '@consultboard/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ActionPlanEditor } from '../actionPlan/ActionPlanEditor';
import { ActionPlanTable } from '../actionPlan/ActionPlanTable';
import type { SaveOutcome } from '../actionPlan/planSync';
import { fieldSelector, RowsToFill } from '../actionPlan/RowsToFill';
import { usePlanSync } from '../actionPlan/usePlanSync';
import { ApiError, apiGet, apiPut, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useActor } from '../components/UserContext';
import { formatDate } from '../format';
import { CheckBeforeExporting } from '../privacy/CheckBeforeExporting';
import { fetchExport, saveFile } from '../privacy/exportFile';
import { useCasePrivacy } from '../privacy/PrivacyContext';
import { ServicesSignposted } from './ServicesSignposted';
import '../privacy/privacy.css';
import { ReviewSection } from './ReviewSection';

/** The case's plan after the meeting: the SENCO edits, exports and reviews it; an EP or admin reads it. */
export function CasePlanSection({
  caseId,
  sessionId,
  target,
}: {
  caseId: string;
  /** The session the case was brought to: while it is live, a saved plan goes to the node running it. */
  sessionId: string | null;
  target: CaseAccessTarget;
}) {
  const actor = useActor();
  const edits = allowedOnCase(actor, 'plan.updateOutsideMeeting', target);
  const exports = allowedOnCase(actor, 'plan.export', target);
  const reviews = allowedOnCase(actor, 'review.record', target);
  // `?session=` lets a balancer in front of several nodes send the plan to the node running its live session (the
  // server gives it no meaning).
  const path = `/api/cases/${encodeURIComponent(caseId)}/plan`;
  const planPath = sessionId ? `${path}?session=${encodeURIComponent(sessionId)}` : path;
  const [plan, setPlan] = useState<ActionPlanView | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Exports are built from what the server holds: while an edit is still on its way, wait for it.
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    apiGet<{ plan: ActionPlanView }>(planPath).then(
      (body) => current && setPlan(body.plan),
      (caught: unknown) => {
        if (!current) return;
        if (caught instanceof ApiError && (caught.code === 'no_plan' || caught.status === 404)) setMissing(true);
        else setError(errorMessage(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [planPath]);

  // A case that has not reached the Action plan stage of a meeting has no plan yet: nothing to show.
  if (missing) return null;
  if (!plan) {
    return (
      <section className="panel" aria-labelledby="plan-heading">
        <h2 id="plan-heading">Action plan</h2>
        <ErrorAlert message={error} />
        {!error && <p>Loading the plan…</p>}
      </section>
    );
  }
  return (
    <>
      <section className="panel" aria-labelledby="plan-heading">
        <h2 id="plan-heading">Action plan</h2>
        <p className="muted">
          {[
            plan.sessionDate && `Made on ${formatDate(plan.sessionDate)}`,
            plan.facilitatorName && `with ${plan.facilitatorName}`,
          ]
            .filter(Boolean)
            .join(' ')}
        </p>
        {edits ? (
          <PlanEditing path={planPath} plan={plan} onPlan={setPlan} onSaving={setSaving} />
        ) : (
          <ActionPlanTable rows={plan.rows} variant="table" />
        )}
        <ServicesSignposted services={plan.services} />
        {exports && <ExportLinks path={path} saving={saving} rows={plan.rows} edits={edits} />}
      </section>
      {reviews ? (
        <ReviewSection caseId={caseId} plan={plan} onPlan={setPlan} />
      ) : (
        plan.review && <ReviewSection caseId={caseId} plan={plan} onPlan={setPlan} readOnly />
      )}
    </>
  );
}

/**
 * Export Word and Export PDF; held back while an edit is being saved, so a file never misses the last change. The
 * file is fetched first: over findings nobody has checked the server refuses it, and **Check before exporting**
 * lists them (issue 10). Actions with an empty Who, By when or Success looks like are pointed out first (issue 13).
 */
function ExportLinks({
  path,
  saving,
  rows,
  edits,
}: {
  path: string;
  saving: boolean;
  rows: ActionRow[];
  edits: boolean;
}) {
  const [findings, setFindings] = useState<ExportFinding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The format asked for while some actions are not filled in: the notice is open.
  const [asked, setAsked] = useState<'docx' | 'pdf' | null>(null);
  const toFill = rowsToFill(rows);
  const fill = () => {
    const first = toFill[0];
    setAsked(null);
    if (first) document.querySelector<HTMLElement>(fieldSelector(first.id, first.missing[0] ?? 'who'))?.focus();
  };
  const exportAs = async (extension: 'docx' | 'pdf') => {
    setAsked(null);
    setError(null);
    setBusy(true);
    try {
      const answer = await fetchExport(`${path}.${extension}`, `action-plan.${extension}`);
      if (answer.ok) {
        setFindings(null);
        saveFile(answer.blob, answer.fileName);
      } else setFindings(answer.findings);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  const link = (extension: 'docx' | 'pdf', name: string) => (
    <a
      className="button secondary"
      href={`${path}.${extension}`}
      download
      aria-disabled={busy || undefined}
      onClick={(event) => {
        event.preventDefault();
        if (busy) return;
        if (toFill.length > 0) {
          setFindings(null);
          setAsked(extension);
        } else void exportAs(extension);
      }}
    >
      {name}
    </a>
  );
  // One element whatever the state, so the row is replaced in place while a save is on its way.
  return (
    <div className="export-area">
      {saving ? (
        <div className="button-row export-links">
          <button type="button" className="button secondary" disabled aria-describedby="export-wait">
            Export Word
          </button>
          <button type="button" className="button secondary" disabled aria-describedby="export-wait">
            Export PDF
          </button>
          <p id="export-wait" className="hint">
            Saving your changes first…
          </p>
        </div>
      ) : (
        <div className="button-row export-links">
          {link('docx', 'Export Word')}
          {link('pdf', 'Export PDF')}
        </div>
      )}
      {asked && toFill.length > 0 && (
        <RowsToFill
          toFill={toFill}
          format={asked === 'docx' ? 'Word' : 'PDF'}
          onFill={edits ? fill : undefined}
          onExport={() => void exportAs(asked)}
          onCancel={() => setAsked(null)}
        />
      )}
      <ErrorAlert message={error} />
      {findings && <CheckBeforeExporting findings={findings} onClose={() => setFindings(null)} />}
    </div>
  );
}

function PlanEditing({
  path,
  plan,
  onPlan,
  onSaving,
}: {
  path: string;
  plan: ActionPlanView;
  onPlan: (plan: ActionPlanView) => void;
  onSaving: (saving: boolean) => void;
}) {
  // Read at save time, so a recount does not make a new save function (which would restart the plan's sync).
  const casePrivacy = useCasePrivacy();
  const privacy = useRef(casePrivacy);
  privacy.current = casePrivacy;
  const stored = useMemo(() => ({ version: plan.version, rows: plan.rows }), [plan.version, plan.rows]);
  const save = useCallback(
    async (version: number, rows: ActionRow[]): Promise<SaveOutcome> => {
      try {
        const body = await apiPut<{ plan: ActionPlanView }>(path, { version, rows });
        onPlan(body.plan);
        // The server recounted "Personal data to check" with the save.
        privacy.current?.refresh();
        return { ok: true, plan: { version: body.plan.version, rows: body.plan.rows } };
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'plan_changed') {
          const latest = (caught.body as { plan?: ActionPlanView } | undefined)?.plan;
          if (latest) onPlan(latest);
          return { ok: false, conflict: true, latest: latest && { version: latest.version, rows: latest.rows } };
        }
        const retry = caught instanceof ApiError && (caught.code === 'network' || caught.status >= 500);
        return { ok: false, conflict: false, message: errorMessage(caught), retry };
      }
    },
    [path, onPlan],
  );
  const editing = usePlanSync(stored, save, 'ask');
  const saving = editing.view.status.state === 'saving';
  useEffect(() => onSaving(saving), [saving, onSaving]);
  return <ActionPlanEditor editing={editing} />;
}
