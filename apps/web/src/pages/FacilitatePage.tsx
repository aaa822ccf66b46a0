import {
  type Command,
  cardsOfCurrentCase,
  cardsOfStage,
  currentCase,
  currentStage,
  type HandshakeAuth,
  heldCards,
  PROTOCOL_VERSION,
} from '@consultboard/domain';
import { type ReactNode, useCallback, useState } from 'react';
import { ConsolePlan } from '../actionPlan/ConsolePlan';
import { IdeasFromTheBank, offersIdeas } from '../bank/IdeasFromTheBank';
import { joinPanelSize } from '../board/joinPanelSize';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { PreparationView } from '../components/PreparationView';
import { RequireUser } from '../components/RequireUser';
import { SignedInLayout } from '../components/SignedInLayout';
import { StageProgress } from '../components/StageProgress';
import { useUser } from '../components/UserContext';
import { useSessionView } from '../components/useSessionView';
import { formatDate } from '../format';
import type { CommandBody } from '../meeting/commandBody';
import { makeCommandId } from '../meeting/commandId';
import { useMeeting } from '../meeting/useMeeting';
import { NotesArea } from '../notes/NotesArea';
import { CheckBeforeKeeping } from '../privacy/CheckBeforeKeeping';
import { goToPlace, useKeepingCheck } from '../privacy/useKeepingCheck';
import { usePageTitle } from '../usePageTitle';
import { CardModeration, HelpfulMarking } from './CardModeration';
import { ControlButton } from './ControlButton';
import { EndSession } from './EndSession';
import { FacilitatorControls } from './FacilitatorControls';
import { HeldCards } from './HeldCards';
import { PresenceList } from './PresenceList';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useConsoleShortcuts } from './useConsoleShortcuts';
import './console.css';

/** "/facilitate/:id": the EP's console that drives the board. */
export default function FacilitatePage({ id }: { id: string }) {
  return (
    <RequireUser>
      <FacilitateGate id={id} />
    </RequireUser>
  );
}

function FacilitateGate({ id }: { id: string }) {
  const { session, error } = useSessionView(id);
  usePageTitle(session ? `Facilitate: ${session.locality}` : 'Facilitate');
  const back = (
    <p>
      <Link href={`/sessions/${encodeURIComponent(id)}`}>Back to the session</Link>
    </p>
  );
  if (error || !session) {
    return (
      <SignedInLayout>
        <h1>{error ? 'The facilitator view could not open' : 'Opening the facilitator view…'}</h1>
        <ErrorAlert message={error} />
      </SignedInLayout>
    );
  }
  if (session.status !== 'live') {
    return (
      <SignedInLayout>
        <h1>{session.status === 'ended' ? 'This session has ended.' : 'This session has not started yet.'}</h1>
        {back}
      </SignedInLayout>
    );
  }
  return <Console id={id} title={`${session.locality}, ${formatDate(session.date)}`} back={back} />;
}

function Console({ id, title, back }: { id: string; title: string; back: ReactNode }) {
  const handshake = useCallback(
    (lastSeq: number): HandshakeAuth => ({ protocol: PROTOCOL_VERSION, lastSeq, sessionId: id, role: 'facilitator' }),
    [id],
  );
  const meeting = useMeeting(id, handshake);
  const { state, connection } = meeting;
  const { user } = useUser();
  const send = useCallback(
    (body: CommandBody) => meeting.sendCommand({ ...body, id: makeCommandId() } as Command),
    [meeting.sendCommand],
  );
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const live = connection === 'connected';
  useConsoleShortcuts({ state, enabled: live, send, openHelp: () => setShortcutsOpen(true) });
  const stage = currentStage(state);
  const agendaCase = currentCase(state);
  const ended = connection === 'ended';
  // Issue 10, item 4: every move that leaves a case (Next case, Previous case, Go to on the agenda, End session)
  // first asks Check before keeping of the case being left: leaving it keeps its minutes (issue 12).
  const keeping = useKeepingCheck(id, agendaCase?.id);
  const notes = stage?.notes && agendaCase && (
    <NotesArea
      caseId={agendaCase.id}
      stage={stage}
      access={{ role: 'facilitator', sessionId: id }}
      surface="console"
      userName={user.name}
      ended={ended}
    />
  );

  if (ended) {
    return (
      <SignedInLayout>
        <h1>This session has ended.</h1>
        {back}
        {/* The last stage's notes stay in view, read-only, until the EP leaves the page. */}
        {notes}
      </SignedInLayout>
    );
  }
  if (connection === 'refused') {
    return (
      <SignedInLayout>
        <h1>The facilitator view could not connect</h1>
        <ErrorAlert message={meeting.connectRefusal?.message} />
        {back}
      </SignedInLayout>
    );
  }

  const joinLarge = joinPanelSize(state) === 'large';

  return (
    <SignedInLayout wide>
      <div className="console">
        {/* The bar stays on screen at a laptop's height while the cards and the notes scroll under it. */}
        <div className="console-bar">
          <div className="bar-top">
            {agendaCase && (
              <p className="console-case">
                Case {state.caseIndex + 1} of {state.cases.length}: <strong>{agendaCase.reference}</strong>
              </p>
            )}
            <h1>{stage?.name ?? 'Connecting to the session…'}</h1>
            <ConnectionStatus connection={connection} audience="room" />
            <button
              type="button"
              className="button secondary small shortcuts-button"
              aria-haspopup="dialog"
              onClick={() => setShortcutsOpen(true)}
            >
              Keyboard shortcuts
            </button>
          </div>
          {stage && (
            <FacilitatorControls
              state={state}
              clockOffset={meeting.clockOffset}
              enabled={live}
              send={send}
              onNextCase={() => void keeping.guard('Next case', () => void send({ type: 'case.next' }))}
              onPreviousCase={() => void keeping.guard('Previous case', () => void send({ type: 'case.previous' }))}
            />
          )}
          <ErrorAlert message={keeping.error} />
          {/* A stale plan edit is re-applied by the plan editor itself, so it needs no message here. */}
          <ErrorAlert message={meeting.lastRefusal?.code === 'plan_changed' ? null : meeting.lastRefusal?.message} />
        </div>

        <div className="console-main">
          <p className="console-title">{title}</p>
          <StageProgress stages={state.stages} stageIndex={state.stageIndex} />
          {stage && <p className="prompt">{stage.prompt}</p>}

          {/* Issue 10, item 2: cards sent from phones for the EP to check, seen by nobody else until shown. */}
          <HeldCards cards={heldCards(state)} state={state} enabled={live} send={send} />

          {/* The cards first: at a laptop's height they are what the EP acts on most. */}
          {stage?.marksHelpful ? (
            <HelpfulMarking cards={cardsOfCurrentCase(state)} enabled={live} send={send} />
          ) : (
            stage &&
            stage.id !== 'action-plan' &&
            (stage.cardKinds.length > 0 || cardsOfStage(state, stage.id, { includeHidden: true }).length > 0) && (
              <CardModeration
                cards={cardsOfStage(state, stage.id, { includeHidden: true })}
                takesCards={stage.cardKinds.length > 0}
                spotlightCardId={state.spotlightCardId}
                enabled={live}
                send={send}
              />
            )
          )}

          {/* Issue 12, item 5: what helped cases with the same areas of need, to add to the board. */}
          {offersIdeas(state) && <IdeasFromTheBank sessionId={id} state={state} enabled={live} send={send} />}

          {stage?.id === 'preparation' && agendaCase?.preparation && (
            <section className="panel" aria-labelledby="preparation-heading">
              <h2 id="preparation-heading">Consultation preparation form</h2>
              <PreparationView preparation={agendaCase.preparation} level={3} />
            </section>
          )}

          {stage?.id === 'action-plan' && agendaCase && (
            <ConsolePlan key={agendaCase.id} state={state} caseId={agendaCase.id} enabled={live} send={send} />
          )}

          {notes}
        </div>

        <aside className="console-side">
          <EndSession enabled={live} send={send} checkFirst={(then) => void keeping.guard('End session', then)} />
          {meeting.welcome?.join && (
            <section className="panel" aria-labelledby="console-join-heading">
              <h2 id="console-join-heading">Join</h2>
              <p className="join-label">Join code</p>
              <p className="join-code">{meeting.welcome.join.code}</p>
              <p className="join-url">{meeting.welcome.join.url}</p>
              <div className="button-row">
                <ControlButton unavailable={!live} onPress={() => send({ type: 'join.show', shown: !joinLarge })}>
                  {joinLarge ? 'Hide join code' : 'Show join code'}
                </ControlButton>
                <Link href={`/board/${encodeURIComponent(id)}`}>Open board</Link>
              </div>
            </section>
          )}
          <section className="panel" aria-labelledby="console-agenda-heading">
            <h2 id="console-agenda-heading">Agenda</h2>
            <ol className="agenda compact console-agenda">
              {state.cases.map((listed, index) => {
                const now = index === state.caseIndex;
                return (
                  <li key={listed.id} aria-current={now ? 'true' : undefined} className={now ? 'current' : undefined}>
                    {/* One button per case, kept when it becomes the current one, so focus stays on it. */}
                    <ControlButton
                      className="secondary small"
                      unavailable={!live || now}
                      onPress={() =>
                        void keeping.guard(
                          `Go to ${listed.reference}`,
                          () => void send({ type: 'case.goTo', caseId: listed.id }),
                        )
                      }
                    >
                      {now ? listed.reference : `Go to ${listed.reference}`}
                    </ControlButton>
                    {now && <span className="badge">Now</span>}
                  </li>
                );
              })}
            </ol>
          </section>
          <PresenceList people={meeting.presence} locked={state.locked} enabled={live} send={send} />
        </aside>
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <CheckBeforeKeeping
        sessionId={id}
        view={keeping.checking?.view ?? null}
        action={keeping.checking?.action ?? 'Next case'}
        onChanged={keeping.changed}
        onProceed={keeping.proceed}
        onEdit={(finding) => {
          keeping.close();
          // After the dialog has closed and given focus back, go to the place.
          setTimeout(() => goToPlace(finding, stage?.id) || keeping.notOnScreen(finding), 0);
        }}
        onClose={keeping.close}
      />
    </SignedInLayout>
  );
}
