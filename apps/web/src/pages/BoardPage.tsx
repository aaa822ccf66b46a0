import { currentCase, currentStage, type HandshakeAuth, PROTOCOL_VERSION } from '@consultboard/domain';
import { type ReactNode, useCallback } from 'react';
import { ActionPlanTable } from '../actionPlan/ActionPlanTable';
import { CardView } from '../components/CardView';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { MeetingTimer } from '../components/MeetingTimer';
import { PreparationView } from '../components/PreparationView';
import { QrCode } from '../components/QrCode';
import { RequireUser } from '../components/RequireUser';
import { StageProgress } from '../components/StageProgress';
import { useSessionView } from '../components/useSessionView';
import { formatDate } from '../format';
import { cardsToShow, spotlightCard } from '../meeting/cardsToShow';
import { useMeeting } from '../meeting/useMeeting';
import { NotesArea } from '../notes/NotesArea';
import { usePageTitle } from '../usePageTitle';
import './board.css';

/** "/board/:id": the projector view. Read-only, large type, readable from the back of the room. */
export default function BoardPage({ id }: { id: string }) {
  return (
    <RequireUser>
      <BoardGate id={id} />
    </RequireUser>
  );
}

function BoardGate({ id }: { id: string }) {
  const { session, error } = useSessionView(id);
  usePageTitle(session ? `Board: ${session.locality}` : 'Board');
  if (error || !session) {
    return (
      <main className="board board-message">
        <h1>{error ? 'The board could not open' : 'Opening the board…'}</h1>
        <ErrorAlert message={error} />
      </main>
    );
  }
  if (session.status === 'draft') {
    return (
      <main className="board board-message">
        <h1>This session has not started yet.</h1>
        <p>Start it from the session page; the board follows at once.</p>
      </main>
    );
  }
  if (session.status === 'ended') return <BoardEnded />;
  return <LiveBoard id={id} subtitle={`${session.locality}, ${formatDate(session.date)}`} />;
}

function BoardEnded({ notes }: { notes?: ReactNode }) {
  return (
    <main className={notes ? 'board' : 'board board-message'}>
      <h1 className={notes ? 'board-stage' : undefined}>This session has ended.</h1>
      {notes}
    </main>
  );
}

function LiveBoard({ id, subtitle }: { id: string; subtitle: string }) {
  const handshake = useCallback(
    (lastSeq: number): HandshakeAuth => ({ protocol: PROTOCOL_VERSION, lastSeq, sessionId: id, role: 'projector' }),
    [id],
  );
  const meeting = useMeeting(handshake);
  const { state, connection, welcome } = meeting;
  const stage = currentStage(state);
  const agendaCase = currentCase(state);
  const ended = connection === 'ended';
  const notes = stage?.notes && agendaCase && (
    <NotesArea
      caseId={agendaCase.id}
      stage={stage}
      access={{ role: 'projector', sessionId: id }}
      surface="board"
      userName="Board"
      ended={ended}
    />
  );

  // The last stage's notes stay on the screen, read-only, once the session has ended.
  if (ended) return <BoardEnded notes={notes} />;
  if (connection === 'refused') {
    return (
      <main className="board board-message">
        <h1>The board could not connect</h1>
        <ErrorAlert message={meeting.connectRefusal?.message} />
      </main>
    );
  }

  const shown = cardsToShow(state);
  const spotlight = spotlightCard(state);
  // The spotlighted card shows once, large, rather than again in the grid.
  const grid = shown.cards.filter((card) => card.id !== spotlight?.id);

  return (
    <main className="board">
      <header className="board-top">
        <div>
          <p className="board-subtitle">{subtitle}</p>
          {agendaCase && (
            <p className="board-case">
              Case {state.caseIndex + 1} of {state.cases.length}: <strong>{agendaCase.reference}</strong>
            </p>
          )}
        </div>
        <div className="board-top-right">
          {stage && <MeetingTimer timer={state.timer} clockOffset={meeting.clockOffset} />}
          <ConnectionStatus connection={connection} audience="room" />
        </div>
      </header>

      <StageProgress stages={state.stages} stageIndex={state.stageIndex} />

      <div className="board-body">
        <div className="board-main">
          <h1 className="board-stage">{stage?.name ?? 'Waiting for the session…'}</h1>
          {stage && <p className="board-prompt">{stage.prompt}</p>}
          {stage?.id === 'preparation' && agendaCase?.preparation && (
            <PreparationView preparation={agendaCase.preparation} level={2} className="board-preparation" />
          )}

          {stage?.id === 'action-plan' && agendaCase && (
            <section className="board-plan" aria-labelledby="board-plan-heading">
              <h2 id="board-plan-heading" className="visually-hidden">
                The plan
              </h2>
              <div aria-live="polite">
                <ActionPlanTable rows={state.plans[agendaCase.id]?.rows ?? []} variant="table" />
              </div>
            </section>
          )}

          {spotlight && (
            <section className="spotlight" aria-labelledby="spotlight-heading">
              <h2 id="spotlight-heading" className="visually-hidden">
                Spotlight
              </h2>
              <CardView card={spotlight} />
            </section>
          )}

          <section aria-labelledby="board-cards-heading">
            <h2 id="board-cards-heading" className={grid.length === 0 ? 'visually-hidden' : 'board-cards-heading'}>
              {shown.heading}
            </h2>
            <div aria-live="polite" aria-relevant="additions text">
              <ul className="board-cards">
                {grid.map((card) => (
                  <li key={card.id} className={`card kind-${card.kind}${card.helpful ? ' card-helpful' : ''}`}>
                    <CardView card={card}>{card.helpful && <span className="badge helpful">Helpful</span>}</CardView>
                  </li>
                ))}
              </ul>
            </div>
          </section>

          {notes}
        </div>

        {welcome?.join && (
          <aside className="board-join" aria-labelledby="board-join-heading">
            <h2 id="board-join-heading">Join on your phone</h2>
            <QrCode url={welcome.join.url} />
            <p className="board-join-label">Join code</p>
            <p className="join-code">{welcome.join.code}</p>
            <p className="join-url">{welcome.join.url}</p>
          </aside>
        )}
      </div>
    </main>
  );
}
