import {
  CARD_KIND_LABELS,
  cardPlaceRefusal,
  currentCase,
  currentStage,
  type HandshakeAuth,
  type PersonalDataFinding,
  PROTOCOL_VERSION,
  type ServiceLink,
  type StageDefinition,
} from '@consultboard/domain';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ActionPlanTable } from '../actionPlan/ActionPlanTable';
import { CardView } from '../components/CardView';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { MeetingTimer } from '../components/MeetingTimer';
import { PreparationView } from '../components/PreparationView';
import { cardsToShow, spotlightCard } from '../meeting/cardsToShow';
import { makeCommandId } from '../meeting/commandId';
import {
  type Draft,
  type Drafts,
  draftId,
  draftsKey,
  draftText,
  loadDrafts,
  removeDraft,
  saveDrafts,
  setDraft,
} from '../meeting/drafts';
import type { CommandRefusal } from '../meeting/MeetingClient';
import { asLiveMeetingState, loadMeetingSnapshot, saveMeetingSnapshot } from '../meeting/meetingSnapshot';
import { addMyCard, forgetSession, loadMyCards, type StoredJoin } from '../meeting/phoneStore';
import { ResourceSuggestions } from '../meeting/ResourceSuggestions';
import { roomCards } from '../meeting/roomCards';
import type { KeyValueStore } from '../meeting/storage';
import { useMeeting } from '../meeting/useMeeting';
import { NotesArea } from '../notes/NotesArea';
import { loadNotesOpen, saveNotesOpen } from '../notes/phoneNotes';
import { PresenterHelpful, presenterMarks } from '../presenting/PresenterHelpful';
import { usePageTitle } from '../usePageTitle';
import { type CardBox, CardForm, type Place } from './CardForm';
import { MovedOnNotice } from './MovedOnNotice';
import { NotYetAdded } from './NotYetAdded';
import { PersonalDataWarning } from './PersonalDataWarning';
import { RoomCards } from './RoomCards';

/** Issue 10: a card the server refused because its words look like personal data (an edit names its card). */
interface Warning {
  place: Place;
  text: string;
  findings: PersonalDataFinding[];
  cardId?: string;
}

const samePlace = (a: Place, b: Place) => a.caseId === b.caseId && a.stageId === b.stageId && a.kind === b.kind;

/** The reference a child's case goes by, which a warning offers in place of a name; none for a topic. */
function childReference(agendaCase: { reference: string; kind: 'child' | 'topic' } | undefined): string | undefined {
  return agendaCase?.kind === 'child' ? agendaCase.reference : undefined;
}

/** What a phone shows in a stage that takes no cards. */
function listenInstruction(stage: StageDefinition): string {
  if (stage.marksHelpful) return 'The SENCO is choosing what was helpful.';
  if (stage.notes) return 'Listen and take notes.';
  return 'Follow along on the board.';
}

/** The phone's live view: it follows the board, and never loses a card typed on poor Wi-Fi. */
export function PhoneMeeting({
  join,
  joinedMeeting = null,
  store,
  onRejoin,
}: {
  join: StoredJoin;
  /** The meeting as the join answered it, shown while the socket connects (which then asks only for what is new). */
  joinedMeeting?: unknown;
  store: KeyValueStore;
  onRejoin: (message: string) => void;
}) {
  const { sessionId } = join;
  const [drafts, setDrafts] = useState<Drafts>(() => loadDrafts(store, draftsKey(sessionId)));
  const [mine, setMine] = useState<string[]>(() => loadMyCards(store, sessionId));
  // Issue 13: the directory entry a Resource box's words were chosen from, by the box's place, until it is sent.
  const [links, setLinks] = useState<Record<string, ServiceLink>>({});
  const linkOf = (place: Place) => links[draftId(place.caseId, place.stageId, place.kind)];
  const unlink = (place: Place) =>
    setLinks(({ [draftId(place.caseId, place.stageId, place.kind)]: _gone, ...rest }) => rest);

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
  // A refused edit goes back into a box for its card's stage, so the new words are not lost either.
  const cardPlace = useRef<(cardId: string) => Place | undefined>(() => undefined);
  const [warning, setWarning] = useState<Warning | null>(null);
  const onRefused = useCallback(
    ({ command, code, findings }: CommandRefusal) => {
      const place = command.type === 'card.edit' ? cardPlace.current(command.cardId) : undefined;
      if (command.type === 'card.add') restore(command, command.text);
      if (command.type === 'card.edit' && place) restore(place, command.text);
      // Issue 10: say what looked like personal data, with Edit and Send for the EP to check.
      if (code !== 'personal_data' || !findings) return;
      if (command.type === 'card.add') {
        const { caseId, stageId, kind, text } = command;
        setWarning({ place: { caseId, stageId, kind }, text, findings });
      } else if (command.type === 'card.edit' && place)
        setWarning({ place, text: command.text, findings, cardId: command.cardId });
    },
    [restore],
  );

  const handshake = useCallback(
    (lastSeq: number): HandshakeAuth => ({ protocol: PROTOCOL_VERSION, lastSeq, token: join.token }),
    [join.token],
  );
  // Just joined: the join's answer; a reload: the copy kept on the phone (offline, it is all there is).
  const storedState = useCallback(
    () => asLiveMeetingState(joinedMeeting) ?? loadMeetingSnapshot(store, sessionId),
    [joinedMeeting, store, sessionId],
  );
  const meeting = useMeeting(sessionId, handshake, {
    persistOutboxFor: sessionId,
    onRefused,
    initialState: storedState,
  });
  const { state, connection } = meeting;
  cardPlace.current = (cardId) => {
    const card = state.cards.find((candidate) => candidate.id === cardId);
    return card && { caseId: card.caseId, stageId: card.stageId, kind: card.kind };
  };
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

  // Item 2 of issue 9: when the room moves on while someone is typing, the box they are typing in stays (the same
  // element, still focused, so the keyboard stays up), labelled with what it was written as. Decided during the
  // render that shows the new stage, so the box is never unmounted in between.
  const focusedBox = useRef<Place | null>(null);
  const placeKey = agendaCase && stage ? `${agendaCase.id}:${stage.id}` : '';
  const [shownPlaceKey, setShownPlaceKey] = useState(placeKey);
  const [held, setHeld] = useState<Place | null>(null);
  if (placeKey !== shownPlaceKey) {
    setShownPlaceKey(placeKey);
    const typing = focusedBox.current;
    const keep =
      typing &&
      shownPlaceKey !== '' &&
      `${typing.caseId}:${typing.stageId}` !== placeKey &&
      draftText(drafts, typing.caseId, typing.stageId, typing.kind).trim() !== '';
    setHeld(keep ? typing : null);
  }

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
    const link = linkOf(place);
    unlink(place);
    const linked = link ? { directoryEntryId: link.id } : {};
    meeting.sendCommand({ id, type: 'card.add', ...place, text, ...linked }).then((outcome) => {
      // Refusals from the server come back through onRefused; this one never left the phone.
      if (!outcome.ok && outcome.code === 'not_connected') restore(place, text);
    });
  }

  function sendDraft(draft: Pick<Draft, 'caseId' | 'stageId' | 'kind' | 'text'>) {
    const text = draft.text.trim();
    changeDrafts((current) => removeDraft(current, draft));
    if (held && samePlace(held, draft)) setHeld(null);
    if (warning && samePlace(warning.place, draft)) setWarning(null);
    if (text) send({ caseId: draft.caseId, stageId: draft.stageId, kind: draft.kind }, text);
  }

  /** Issue 10: Send for the EP to check: the box's words go again, held on the console until the EP shows them. */
  function sendForCheck(shown: Warning) {
    const { place, cardId } = shown;
    const text = draftText(drafts, place.caseId, place.stageId, place.kind).trim();
    setWarning(null);
    changeDrafts((current) => removeDraft(current, place));
    if (held && samePlace(held, place)) setHeld(null);
    if (!text) return;
    if (cardId) {
      void meeting.sendCommand({ id: makeCommandId(), type: 'card.edit', cardId, text, forCheck: true });
      return;
    }
    const id = makeCommandId();
    setMine(addMyCard(store, sessionId, id));
    const link = linkOf(place);
    unlink(place);
    const linked = link ? { directoryEntryId: link.id } : {};
    meeting.sendCommand({ id, type: 'card.add', ...place, text, forCheck: true, ...linked }).then((outcome) => {
      if (!outcome.ok && outcome.code === 'not_connected') restore(place, text);
    });
  }

  /** Issue 10: Edit: back to the box, where the words were put back. */
  function editWarned(shown: Warning) {
    setWarning(null);
    const place = draftId(shown.place.caseId, shown.place.stageId, shown.place.kind);
    // Once the warning has gone (it held the focus), into the box the words were put back in.
    setTimeout(() => {
      for (const box of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-place]'))
        if (box.dataset.place === place) box.focus();
    }, 0);
  }

  function discardDraft(draft: Place) {
    changeDrafts((current) => removeDraft(current, draft));
    if (held && samePlace(held, draft)) setHeld(null);
  }

  const mineSet = new Set(mine);
  const listed = roomCards(state, mineSet, meeting.pending);
  const stageName = (stageId: string) => state.stages.find((candidate) => candidate.id === stageId)?.name ?? '';
  const boxes: CardBox[] = [];
  if (held) {
    boxes.push({ place: held, label: `${CARD_KIND_LABELS[held.kind]}, written for ${stageName(held.stageId)}` });
  }
  if (stage && agendaCase) {
    for (const kind of stage.cardKinds) {
      const place = { caseId: agendaCase.id, stageId: stage.id, kind };
      if (!held || !samePlace(held, place)) boxes.push({ place, label: CARD_KIND_LABELS[kind] });
    }
  }
  // The kept box is shown as a box, not again under Not yet added.
  const elsewhere = held ? removeDraft(drafts, held) : drafts;
  const spotlight = spotlightCard(state);
  const marking = presenterMarks(meeting);

  return (
    <main className="phone">
      {held && stage && (
        <MovedOnNotice
          stageName={stage.name}
          kind={held.kind}
          closed={cardPlaceRefusal(state, held) !== null}
          onSend={() => sendDraft({ ...held, text: draftText(drafts, held.caseId, held.stageId, held.kind) })}
          onDiscard={() => discardDraft(held)}
        />
      )}
      <ConnectionStatus connection={connection} audience="phone" />
      {meeting.waitingReason && <p className="notice">{meeting.waitingReason.message}</p>}
      {stage && (
        <div className="phone-where">
          <p className="phone-stage-count">
            Stage {state.stageIndex + 1} of {state.stages.length}
          </p>
          {agendaCase && (
            <p className="phone-case">
              Case: <strong>{agendaCase.reference}</strong>
            </p>
          )}
          <MeetingTimer timer={state.timer} clockOffset={meeting.clockOffset} />
        </div>
      )}
      <h1>{stage?.name ?? 'Joining the session…'}</h1>
      {stage && <p className="prompt">{stage.prompt}</p>}
      {stage?.id === 'preparation' && agendaCase?.preparation && (
        <PreparationView preparation={agendaCase.preparation} level={2} className="phone-preparation" />
      )}
      <ErrorAlert message={meeting.lastRefusal?.code === 'personal_data' ? null : meeting.lastRefusal?.message} />
      {warning && (
        <PersonalDataWarning
          key={`${warning.text}:${warning.cardId ?? ''}`}
          text={warning.text}
          findings={warning.findings}
          reference={childReference(state.cases.find((listed) => listed.id === warning.place.caseId))}
          onEdit={() => editWarned(warning)}
          onSendForCheck={() => sendForCheck(warning)}
        />
      )}

      {spotlight && (
        <section className="phone-spotlight" aria-labelledby="phone-spotlight-heading">
          <h2 id="phone-spotlight-heading">Spotlight</h2>
          <div className={`card kind-${spotlight.kind}`}>
            <CardView card={spotlight} />
          </div>
        </section>
      )}

      {boxes.length > 0 && (
        <CardForm
          boxes={boxes}
          textOf={(place) => draftText(drafts, place.caseId, place.stageId, place.kind)}
          onType={(place, text) => {
            if (warning && samePlace(warning.place, place)) setWarning(null);
            if (text.trim() === '') unlink(place);
            changeDrafts((current) => setDraft(current, place, text, Date.now()));
          }}
          onFocusBox={(place) => {
            focusedBox.current = place;
          }}
          below={(place) =>
            place.kind === 'resource' ? (
              <ResourceSuggestions
                placeId={draftId(place.caseId, place.stageId, place.kind)}
                text={draftText(drafts, place.caseId, place.stageId, place.kind)}
                linked={linkOf(place) ?? null}
                suggest={meeting.suggest}
                onChoose={(suggestion) => {
                  const id = draftId(place.caseId, place.stageId, place.kind);
                  setLinks((current) => ({
                    ...current,
                    [id]: { id: suggestion.id, name: suggestion.name, access: suggestion.access },
                  }));
                  changeDrafts((current) => setDraft(current, place, suggestion.name, Date.now()));
                }}
                onUnlink={() => unlink(place)}
              />
            ) : null
          }
          onAdd={(cards) => {
            for (const { place, text } of cards) {
              // A kept box for a case the room has left cannot be added: it stays, with its notice.
              if (cardPlaceRefusal(state, place)) continue;
              sendDraft({ ...place, text });
            }
          }}
        />
      )}
      {stage && stage.cardKinds.length === 0 && !marking && <p className="instruction">{listenInstruction(stage)}</p>}

      <PresenterHelpful meeting={meeting} />

      {stage?.id === 'action-plan' && agendaCase && (
        <section aria-labelledby="phone-plan-heading">
          <h2 id="phone-plan-heading">The plan</h2>
          <ActionPlanTable rows={state.plans[agendaCase.id]?.rows ?? []} variant="compact" />
        </section>
      )}

      {/* The presenting SENCO marks their own case's cards in PresenterHelpful's list, which takes this one's place. */}
      {!marking && (
        <RoomCards
          heading={cardsToShow(state).heading}
          cards={listed}
          spotlightId={spotlight?.id ?? null}
          onEdit={(cardId, text) => meeting.sendCommand({ id: makeCommandId(), type: 'card.edit', cardId, text })}
          onWithdraw={(cardId) => meeting.sendCommand({ id: makeCommandId(), type: 'card.withdraw', cardId })}
        />
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

      <NotYetAdded drafts={elsewhere} state={state} onSend={sendDraft} onDiscard={discardDraft} />

      <p className="muted joined-as">Joined as {join.name}</p>
    </main>
  );
}
