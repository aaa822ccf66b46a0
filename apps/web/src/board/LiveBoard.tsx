import { currentCase, currentStage, type HandshakeAuth, PROTOCOL_VERSION } from '@consultboard/domain';
import { useCallback, useMemo } from 'react';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { MeetingTimer } from '../components/MeetingTimer';
import { PreparationView } from '../components/PreparationView';
import { StageProgress } from '../components/StageProgress';
import { cardsToShow, spotlightCard } from '../meeting/cardsToShow';
import { useMeeting } from '../meeting/useMeeting';
import { BoardCards } from './BoardCards';
import { BoardEnded } from './BoardEnded';
import { BoardNotes } from './BoardNotes';
import { BoardPlan } from './BoardPlan';
import { BoardSpotlight } from './BoardSpotlight';
import { JoinPanel } from './JoinPanel';
import { joinPanelSize } from './joinPanelSize';
import { PagedFlow } from './PagedFlow';
import { pageIntervalMs } from './pager';
import './fittedAreas.css';

/**
 * The live projector view: one screen that never scrolls. A header (stage, prompt, case, timer, and the join
 * corner once the meeting is under way), the stage list, and the stage area, where the stage's content (cards,
 * the preparation form or the plan), the notes and, while people arrive, the large join panel share the space.
 */
export function LiveBoard({ id, subtitle }: { id: string; subtitle: string }) {
  const handshake = useCallback(
    (lastSeq: number): HandshakeAuth => ({ protocol: PROTOCOL_VERSION, lastSeq, sessionId: id, role: 'projector' }),
    [id],
  );
  const meeting = useMeeting(id, handshake);
  const { state, connection, welcome } = meeting;
  const pageMs = useMemo(() => pageIntervalMs(window.location.search), []);
  const stage = currentStage(state);
  const agendaCase = currentCase(state);
  const spotlight = spotlightCard(state);
  const notesFor = (hidden: boolean) =>
    stage?.notes &&
    agendaCase && (
      <BoardNotes
        key={`${agendaCase.id}/${stage.id}`}
        hidden={hidden}
        caseId={agendaCase.id}
        stage={stage}
        access={{ role: 'projector', sessionId: id }}
        surface="board"
        userName="Board"
        ended={connection === 'ended'}
      />
    );

  // The last stage's notes stay on the screen, read-only, once the session has ended.
  if (connection === 'ended') return <BoardEnded notes={notesFor(false)} />;
  if (connection === 'refused') {
    return (
      <main className="board board-message">
        <h1>The board could not connect</h1>
        <ErrorAlert message={meeting.connectRefusal?.message} />
      </main>
    );
  }

  const join = welcome?.join ?? null;
  const joinSize = joinPanelSize(state);
  const shown = cardsToShow(state);
  const content = (() => {
    if (!stage || !agendaCase) return null;
    // The spotlighted card takes the whole stage area.
    if (spotlight) return <BoardSpotlight card={spotlight} />;
    if (stage.id === 'preparation' && agendaCase.preparation) {
      return (
        <PagedFlow key={agendaCase.id} pageMs={pageMs}>
          <PreparationView preparation={agendaCase.preparation} level={2} className="board-preparation" />
        </PagedFlow>
      );
    }
    // The helpful cards are the plan's first draft: at Action plan the plan itself shows.
    if (stage.id === 'action-plan') return <BoardPlan rows={state.plans[agendaCase.id]?.rows ?? []} pageMs={pageMs} />;
    if (shown.cards.length === 0 && stage.cardKinds.length === 0) return null;
    return (
      <BoardCards
        key={`${agendaCase.id}/${stage.id}`}
        heading={shown.heading}
        cards={[...shown.cards].reverse()}
        pageMs={pageMs}
      />
    );
  })();
  const notes = notesFor(Boolean(spotlight));
  const parts = [content && 'content', notes && !spotlight && 'notes', join && joinSize === 'large' && 'join'];
  const layout = parts.filter(Boolean).join('-') || 'empty';

  return (
    <main className="board board-live">
      <header className="board-top">
        <h1 className="board-stage">{stage?.name ?? 'Waiting for the session…'}</h1>
        {stage && <p className="board-prompt">{stage.prompt}</p>}
        <div className="board-facts">
          {agendaCase && (
            <p className="board-case">
              Case {state.caseIndex + 1} of {state.cases.length}: <strong>{agendaCase.reference}</strong>
            </p>
          )}
          {joinSize === 'large' && <p className="board-subtitle">{subtitle}</p>}
          <ConnectionStatus connection={connection} audience="room" />
        </div>
        {stage && (
          <div className="board-timer">
            <MeetingTimer timer={state.timer} clockOffset={meeting.clockOffset} />
          </div>
        )}
        {join && joinSize === 'corner' && <JoinPanel join={join} size="corner" />}
      </header>

      <StageProgress stages={state.stages} stageIndex={state.stageIndex} />

      <div className={`board-stage-area board-layout-${layout}`}>
        {content && <div className="board-content">{content}</div>}
        {notes}
        {join && joinSize === 'large' && <JoinPanel join={join} size="large" />}
      </div>
    </main>
  );
}
