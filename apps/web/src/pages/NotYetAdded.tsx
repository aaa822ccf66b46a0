import { CARD_KIND_LABELS, cardPlaceRefusal, type MeetingState } from '@consultboard/domain';
import { type Draft, type Drafts, draftsElsewhere } from '../meeting/drafts';

/** Words typed for a stage the board has moved on from: send them where they belong, or let them go. */
export function NotYetAdded({
  drafts,
  state,
  onSend,
  onDiscard,
}: {
  drafts: Drafts;
  state: MeetingState;
  onSend: (draft: Draft) => void;
  onDiscard: (draft: Draft) => void;
}) {
  const current = { caseId: state.cases[state.caseIndex]?.id, stageId: state.stages[state.stageIndex]?.id };
  // Until the first events arrive the phone cannot tell where it is; wait rather than list every draft.
  if (state.stages.length === 0) return null;
  const waiting = draftsElsewhere(drafts, current);
  if (waiting.length === 0) return null;
  return (
    <section className="panel not-yet-added" aria-labelledby="not-yet-heading">
      <h2 id="not-yet-heading">Not yet added</h2>
      <ul className="phone-cards">
        {waiting.map((draft) => {
          const stageName = state.stages.find((stage) => stage.id === draft.stageId)?.name ?? 'an earlier stage';
          const reference = state.cases.find((agendaCase) => agendaCase.id === draft.caseId)?.reference;
          const id = `draft-${draft.caseId}-${draft.stageId}-${draft.kind}`;
          // Only the case being discussed takes cards: words for another case can be read and let go.
          const closed = cardPlaceRefusal(state, draft);
          return (
            <li key={id} className={`card kind-${draft.kind}`}>
              <p className="card-kind" id={`${id}-where`}>
                {CARD_KIND_LABELS[draft.kind]} for {stageName}
                {reference ? ` (${reference})` : ''}
              </p>
              <p className="card-text" id={`${id}-text`}>
                {draft.text}
              </p>
              {closed && (
                <p className="hint" id={`${id}-closed`}>
                  {closed === 'not_current_case'
                    ? 'The meeting has moved on from this case: these words can no longer be added.'
                    : 'This stage does not take these words now.'}
                </p>
              )}
              <div className="button-row">
                {!closed && (
                  <button
                    type="button"
                    className="button primary"
                    aria-describedby={`${id}-where ${id}-text`}
                    onClick={() => onSend(draft)}
                  >
                    Send
                  </button>
                )}
                <button
                  type="button"
                  className="button secondary"
                  aria-describedby={`${id}-where ${id}-text`}
                  onClick={() => onDiscard(draft)}
                >
                  Discard
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
