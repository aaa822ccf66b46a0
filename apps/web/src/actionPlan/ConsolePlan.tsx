import type { ActionRow, MeetingState } from '@consultboard/domain';
import { useCallback } from 'react';
import type { CommandBody } from '../meeting/commandBody';
import type { CommandOutcome } from '../meeting/MeetingClient';
import { ActionPlanEditor } from './ActionPlanEditor';
import type { SaveOutcome, StoredPlan } from './planSync';
import { usePlanSync } from './usePlanSync';

const NO_PLAN: StoredPlan = { version: 0, rows: [] };

/** The EP's live plan editor in the Action plan stage: every edit goes to the room as `plan.update`. */
export function ConsolePlan({
  state,
  caseId,
  enabled,
  send,
}: {
  state: MeetingState;
  caseId: string;
  enabled: boolean;
  send: (body: CommandBody) => Promise<CommandOutcome>;
}) {
  const stored = state.plans[caseId] ?? NO_PLAN;
  const save = useCallback(
    async (version: number, rows: ActionRow[]): Promise<SaveOutcome> => {
      const outcome = await send({ type: 'plan.update', caseId, version, rows });
      if (outcome.ok) return { ok: true };
      // The newer plan reaches this page as an event; the sync re-applies this edit on top of it.
      if (outcome.code === 'plan_changed') return { ok: false, conflict: true };
      return { ok: false, conflict: false, message: outcome.message, retry: outcome.code === 'not_connected' };
    },
    [send, caseId],
  );
  const editing = usePlanSync(stored, save, 'reapply');
  return (
    <section className="panel" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Action plan</h2>
      <p className="hint">
        The helpful strategies and resources are the first draft. Edit the plan with the SENCO; the board shows it.
      </p>
      <ActionPlanEditor editing={editing} disabled={!enabled} />
    </section>
  );
}
