import type { PlacedFinding, PrivacyCheckView } from '@consultboard/domain';
import { useState } from 'react';
import { ApiError, apiGet } from '../api';
import type { KeepingAction } from './CheckBeforeKeeping';

interface Checking {
  view: PrivacyCheckView;
  action: KeepingAction;
  then: () => void;
}

/**
 * Check before keeping (issue 10, item 4) around the console's Next case and End session: the case's findings are
 * asked for first; with none, the move goes ahead as before; with some, the dialog opens and the move waits for it.
 */
export function useKeepingCheck(sessionId: string, caseId: string | undefined) {
  const [checking, setChecking] = useState<Checking | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function guard(action: KeepingAction, then: () => void): Promise<void> {
    setError(null);
    if (!caseId) return then();
    try {
      const view = await apiGet<PrivacyCheckView>(`/api/sessions/${sessionId}/cases/${caseId}/privacy-check`);
      if (view.findings.length === 0) return then();
      setChecking({ view, action, then });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The minutes could not be checked. Try again.');
    }
  }

  return {
    guard,
    error,
    /** Says where a finding is when Edit could not take the EP there. */
    notOnScreen: (finding: PlacedFinding) =>
      setError(`That is in ${finding.placeLabel}. Go to that stage to edit it, then press the button again.`),
    checking,
    changed: (view: PrivacyCheckView) => setChecking((current) => current && { ...current, view }),
    proceed: () => {
      const then = checking?.then;
      setChecking(null);
      then?.();
    },
    close: () => setChecking(null),
  };
}

/**
 * Edit: takes the EP to a finding's place when the console shows it now (the notes, a card, the plan); returns false
 * when it is not on the screen (another stage's notes), so the console can say where it is.
 */
export function goToPlace(finding: PlacedFinding, stageId: string | undefined): boolean {
  const { place } = finding;
  let target: HTMLElement | null = null;
  if (place.type === 'notes' && place.stageId === stageId)
    target = document.querySelector<HTMLElement>('.notes-console [contenteditable="true"]');
  if (place.type === 'card')
    target = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(place.cardId)}"] button`);
  if (place.type === 'plan')
    target = document.querySelector<HTMLElement>(`[data-action-of="${CSS.escape(place.rowId)}"]`);
  if (!target) return false;
  target.scrollIntoView({ block: 'center' });
  target.focus();
  return true;
}
