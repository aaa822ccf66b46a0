import type { Preparation } from '@consultboard/domain';
import type { Repos } from '../db/repos.js';
import type { CaseLeft } from '../meeting/meetingStore.js';
import { minutesOfCase, minutesText } from './minutesOfCase.js';

/**
 * The writer `MeetingStore.onCaseLeft` calls when the meeting leaves a case (Next case, Previous case, End
 * session): it keeps the case's minutes in the locality file, with their search entry, inside the event's
 * transaction. Coming back to the case and leaving it again replaces them.
 */
export function minutesWriter(repos: Repos): (left: CaseLeft) => void {
  return (left) => {
    const caseRow = repos.cases.byId(left.caseId);
    const session = repos.consultSessions.byId(left.sessionId);
    // A case deleted since it was on the agenda, or a session from before localities: nothing to file it under.
    if (!caseRow || !session) return;
    const notes = repos.notes.readNotes(left.caseId);
    try {
      const body = minutesOfCase({
        caseId: left.caseId,
        state: left.state,
        reference: caseRow.reference,
        caseType: caseRow.type,
        preparation: JSON.parse(caseRow.preparation) as Preparation,
        sessionDate: session.date,
        localityName: caseRow.locality_name,
        schoolName: caseRow.school_name,
        facilitatorName: session.facilitator_name,
        notes,
        storedPlan: repos.actionPlans.byCase(left.caseId)?.rows ?? null,
      });
      repos.minutes.write({
        sessionId: left.sessionId,
        caseId: left.caseId,
        schoolId: caseRow.school_id,
        localityId: caseRow.locality_id,
        body,
        text: minutesText(body),
        now: left.now,
      });
    } finally {
      notes.destroy();
    }
  };
}
