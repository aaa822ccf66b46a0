import type { Preparation } from '@consultboard/domain';
import type * as Y from 'yjs';
import type { Repos } from '../db/repos.js';
import type { CaseLeft } from '../meeting/meetingStore.js';
import { minutesOfCase, minutesText } from './minutesOfCase.js';

/** A case's notes as its live room holds them on this node, or undefined when no room of them is open here. */
export type LiveNotes = (caseId: string) => Y.Doc | undefined;

/**
 * The writer `MeetingStore.onCaseLeft` calls when the meeting leaves a case (Next case, Previous case, End
 * session): it keeps the case's minutes in the locality file, with their search entry, inside the event's
 * transaction. Coming back to the case and leaving it again replaces them.
 *
 * The notes are read from the case's live room when one is open (`liveNotes`): it holds the last words typed, which
 * wait for the notes' group commit (and, while a disk flush runs, for its end) before the disk has them.
 */
export function minutesWriter(repos: Repos, liveNotes: LiveNotes = () => undefined): (left: CaseLeft) => void {
  return (left) => {
    const caseRow = repos.cases.byId(left.caseId);
    const session = repos.consultSessions.byId(left.sessionId);
    // A case deleted since it was on the agenda, or a session from before localities: nothing to file it under.
    if (!caseRow || !session) return;
    const live = liveNotes(left.caseId);
    const notes = live ?? repos.notes.readNotes(left.caseId);
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
      // The room's document is the room's: only a copy read from the disk is this writer's to free.
      if (!live) notes.destroy();
    }
  };
}
