import {
  type CardKind,
  cardsOfStage,
  currentCase,
  currentStage,
  type HandshakeAuth,
  PROTOCOL_VERSION,
  type StageDefinition,
} from '@consultboard/domain';
import { useCallback, useEffect, useId, useState } from 'react';
import { ActionPlanTable } from '../actionPlan/ActionPlanTable';
import { CardView } from '../components/CardView';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { PreparationView } from '../components/PreparationView';
import { makeCommandId } from '../meeting/commandId';
import {
  type Draft,
  type Drafts,
  draftsKey,
  draftText,
  loadDrafts,
  removeDraft,
  saveDrafts,
  setDraft,
} from '../meeting/drafts';
import type { CommandRefusal } from '../meeting/MeetingClient';
import { loadMeetingSnapshot, saveMeetingSnapshot } from '../meeting/meetingSnapshot';
import { addMyCard, forgetSession, loadMyCards, type StoredJoin } from '../meeting/phoneStore';
import type { KeyValueStore } from '../meeting/storage';
import { useMeeting } from '../meeting/useMeeting';
import { NotesArea } from '../notes/NotesArea';
import { loadNotesOpen, saveNotesOpen } from '../notes/phoneNotes';
import { PresenterHelpful } from '../presenting/PresenterHelpful';
import { usePageTitle } from '../usePageTitle';
import { CardForm } from './CardForm';
import { NotYetAdded } from './NotYetAdded';
import { YourCards } from './YourCards';

type Place = { caseId: string; stageId: string; kind: CardKind };

/** What a phone shows in a stage that takes no cards. */
function listenInstruction(stage: StageDefinition): string {
  if (stage.marksHelpful) return 'The SENCO is choosing what was helpful.';
  if (stage.notes) return 'Listen and take notes.';
  return 'Follow along on the board.';
}

/** The phone's live view: it follows the board, and never loses a card typed on poor Wi-Fi. */
export function PhoneMeeting({
  join,
  store,
  onRejoin,
}: {
  join: StoredJoin;
  store: KeyValueStore;
  onRejoin: (message: string) => void;
}) {
  const { sessionId } = join;
  const [drafts, setDrafts] = useState<Drafts>(() => loadDrafts(store, draftsKey(sessionId)));
  const [mine, setMine] = useState<string[]>(() => loadMyCards(store, sessionId));

  const changeDrafts = useCallback(
    (change: (current: Drafts) => Drafts) => {
      setDrafts((current) => {
        const next = change(current);
        saveDrafts(store, draftsKey(sessionId), next);
        return next;
      });
    },
    [store, sessionId],
  );

  // A refused card goes back into its box, so the words are never lost.
  const restore = useCallback(
    ({ caseId, stageId, kind }: Place, text: string) =>
      changeDrafts((current) => {
        const existing = draftText(current, caseId, stageId, kind);
        return setDraft(current, { caseId, stageId, kind }, existing ? `${existing}\n${text}` : text, Date.now());
      }),
    [changeDrafts],
  );
  const onRefused = useCallback(
    ({ command }: CommandRefusal) => {
      if (command.type === 'card.add') restore(command, command.text);
    },
    [restore],
  );

  const handshake = useCallback(
    (lastSeq: number): HandshakeAuth => ({ protocol: PROTOCOL_VERSION, lastSeq, token: join.token }),
    [join.token],
  );
  const storedState = useCallback(() => loadMeetingSnapshot(store, sessionId), [store, sessionId]);
  const meeting = useMeeting(handshake, { persistOutboxFor: sessionId, onRefused, initialState: storedState });
  const { state, connection } = meeting;
  const ended = connection === 'ended';
  const refusal = connection === 'refused' ? meeting.connectRefusal : null;
  const removed = refusal?.code === 'participant_removed';
  const [notesOpen, setNotesOpen] = useState(() => loadNotesOpen(store, sessionId));
  const notesId = useId();

  useEffect(() => {
    if (ended || removed) forgetSession(store, sessionId);
  }, [ended, removed, store, sessionId]);

  // A phone that reloads offline shows the stage it last knew, from this copy.
  useEffect(() => {
    if (state.status === 'live') saveMeetingSnapshot(store, sessionId, state);
  }, [state, store, sessionId]);

  useEffect(() => {
    if (!refusal) return;
    if (refusal.code === 'unauthenticated' || refusal.code === 'forbidden') {
      // The token is no longer any good: join again. Drafts and the outbox stay for the same session.
      onRejoin(`Join again to carry on. ${refusal.message}`);
    }
  }, [refusal, onRejoin]);

  const stage = currentStage(state);
  const agendaCase = currentCase(state);
  usePageTitle(ended ? 'Session ended' : removed ? 'Removed from the meeting' : (stage?.name ?? 'Joining'));
  const showNotes = notesOpen && !ended && stage?.notes === true && agendaCase !== undefined;

  if (ended) {
    return (
      <main className="phone">
        <h1>This session has ended</h1>
        <p>Thank you for taking part. Nothing from the meeting is kept on this phone.</p>
      </main>
    );
  }
  if (removed) {
    // The EP sent this phone out: it shows why (the server's words), and nothing of the board.
    return (
      <main className="phone">
        <h1>{refusal.message}</h1>
        <p>Nothing from the meeting is kept on this phone.</p>
      </main>
    );
  }
  if (refusal) {
    return (
      <main className="phone">
        <h1>Could not join</h1>
        <ErrorAlert message={refusal.message} />
        <p>
          <a href={window.location.pathname}>Reload the page</a>
        </p>
      </main>
    );
  }

  function send(place: Place, text: string) {
    const id = makeCommandId();
    setMine(addMyCard(store, sessionId, id));
    meeting.sendCommand({ id, type: 'card.add', ...place, text }).then((outcome) => {
      // Refusals from the server come back through onRefused; this one never left the phone.
      if (!outcome.ok && outcome.code === 'not_connected') restore(place, text);
    });
  }

  function sendDraft(draft: Draft) {
    const text = draft.text.trim();
    changeDrafts((current) => removeDraft(current, draft));
    if (text) send({ caseId: draft.caseId, stageId: draft.stageId, kind: draft.kind }, text);
  }

  const mineSet = new Set(mine);
  const others = stage ? cardsOfStage(state, stage.id).filter((card) => !mineSet.has(card.id)) : [];

  return (
    <main className="phone">
      <ConnectionStatus connection={connection} audience="phone" />
      {meeting.waitingReason && <p className="notice">{meeting.waitingReason.message}</p>}
      {agendaCase && (
        <p className="phone-case">
          Case: <strong>{agendaCase.reference}</strong>
        </p>
      )}
      <h1>{stage?.name ?? 'Joining the session…'}</h1>
      {stage && <p className="prompt">{stage.prompt}</p>}
      {stage?.id === 'preparation' && agendaCase?.preparation && (
        <PreparationView preparation={agendaCase.preparation} level={2} className="phone-preparation" />
      )}
      <ErrorAlert message={meeting.lastRefusal?.message} />

      {stage && agendaCase && stage.cardKinds.length > 0 ? (
        <CardForm
          key={`${agendaCase.id}:${stage.id}`}
          kinds={stage.cardKinds}
          textOf={(kind) => draftText(drafts, agendaCase.id, stage.id, kind)}
          onType={(kind, text) =>
            changeDrafts((current) =>
              setDraft(current, { caseId: agendaCase.id, stageId: stage.id, kind }, text, Date.now()),
            )
          }
          onAdd={(cards) => {
            for (const { kind, text } of cards) {
              changeDrafts((current) => removeDraft(current, { caseId: agendaCase.id, stageId: stage.id, kind }));
              send({ caseId: agendaCase.id, stageId: stage.id, kind }, text);
            }
          }}
        />
      ) : (
        stage && <p className="instruction">{listenInstruction(stage)}</p>
      )}

      <PresenterHelpful meeting={meeting} />

      {stage?.id === 'action-plan' && agendaCase && (
        <section aria-labelledby="phone-plan-heading">
          <h2 id="phone-plan-heading">The plan</h2>
          <ActionPlanTable rows={state.plans[agendaCase.id]?.rows ?? []} variant="compact" />
        </section>
      )}

      {stage?.notes && agendaCase && (
        <div className="phone-notes">
          <button
            type="button"
            className="button secondary big"
            aria-expanded={notesOpen}
            aria-controls={notesId}
            onClick={() => {
              saveNotesOpen(store, sessionId, !notesOpen);
              setNotesOpen(!notesOpen);
            }}
          >
            Notes
          </button>
          <div id={notesId}>
            {showNotes && (
              <NotesArea
                caseId={agendaCase.id}
                stage={stage}
                access={{ role: 'participant', sessionId, token: join.token }}
                surface="phone"
                userName={join.name}
                ended={false}
              />
            )}
          </div>
        </div>
      )}

      <NotYetAdded
        drafts={drafts}
        state={state}
        onSend={sendDraft}
        onDiscard={(draft) => changeDrafts((current) => removeDraft(current, draft))}
      />

      <YourCards state={state} mine={mineSet} pending={meeting.pending} />

      {others.length > 0 && (
        <section aria-labelledby="others-heading">
          <h2 id="others-heading">On the board</h2>
          <ul className="phone-cards">
            {others.map((card) => (
              <li key={card.id} className={`card kind-${card.kind}`}>
                <CardView card={card} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <p className="muted joined-as">Joined as {join.name}</p>
    </main>
  );
}
