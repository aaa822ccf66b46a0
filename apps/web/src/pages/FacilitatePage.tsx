import {
  type Command,
  cardsOfCurrentCase,
  cardsOfStage,
  currentCase,
  currentStage,
  type HandshakeAuth,
  PROTOCOL_VERSION,
} from '@consultboard/domain';
import { type ReactNode, useCallback } from 'react';
import { ConsolePlan } from '../actionPlan/ConsolePlan';
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
import { usePageTitle } from '../usePageTitle';
import { CardModeration, HelpfulMarking } from './CardModeration';
import { FacilitatorControls } from './FacilitatorControls';
import { PresenceList } from './PresenceList';
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
  const meeting = useMeeting(handshake);
  const { state, connection } = meeting;
  const { user } = useUser();
  const send = useCallback(
    (body: CommandBody) => meeting.sendCommand({ ...body, id: makeCommandId() } as Command),
    [meeting.sendCommand],
  );
  const stage = currentStage(state);
  const agendaCase = currentCase(state);
  const ended = connection === 'ended';
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

  const live = connection === 'connected';

  return (
    <SignedInLayout wide>
      <div className="console">
        <div className="console-main">
          <div className="title-row">
            <p className="console-title">{title}</p>
            <ConnectionStatus connection={connection} audience="room" />
          </div>
          {agendaCase && (
            <p className="console-case">
              Case {state.caseIndex + 1} of {state.cases.length}: <strong>{agendaCase.reference}</strong>
            </p>
          )}
          <StageProgress stages={state.stages} stageIndex={state.stageIndex} />
          <h1>{stage?.name ?? 'Connecting to the session…'}</h1>
          {stage && <p className="prompt">{stage.prompt}</p>}
          {/* A stale plan edit is re-applied by the plan editor itself, so it needs no message here. */}
          <ErrorAlert message={meeting.lastRefusal?.code === 'plan_changed' ? null : meeting.lastRefusal?.message} />

          {stage && <FacilitatorControls state={state} clockOffset={meeting.clockOffset} enabled={live} send={send} />}

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

          {stage?.marksHelpful ? (
            <HelpfulMarking cards={cardsOfCurrentCase(state)} enabled={live} send={send} />
          ) : (
            stage &&
            stage.id !== 'action-plan' && (
              <CardModeration
                cards={cardsOfStage(state, stage.id, { includeHidden: true })}
                takesCards={stage.cardKinds.length > 0}
                spotlightCardId={state.spotlightCardId}
                enabled={live}
                send={send}
              />
            )
          )}
        </div>

        <aside className="console-side">
          {meeting.welcome?.join && (
            <section className="panel" aria-labelledby="console-join-heading">
              <h2 id="console-join-heading">Join</h2>
              <p className="join-label">Join code</p>
              <p className="join-code">{meeting.welcome.join.code}</p>
              <p className="join-url">{meeting.welcome.join.url}</p>
              <p>
                <Link href={`/board/${encodeURIComponent(id)}`}>Open board</Link>
              </p>
            </section>
          )}
          <section className="panel" aria-labelledby="console-agenda-heading">
            <h2 id="console-agenda-heading">Agenda</h2>
            <ol className="agenda compact">
              {state.cases.map((listed, index) => (
                <li
                  key={listed.id}
                  aria-current={index === state.caseIndex ? 'true' : undefined}
                  className={index === state.caseIndex ? 'current' : undefined}
                >
                  {listed.reference}
                  {index === state.caseIndex && <span className="badge">Now</span>}
                </li>
              ))}
            </ol>
          </section>
          <PresenceList people={meeting.presence} locked={state.locked} enabled={live} send={send} />
        </aside>
      </div>
    </SignedInLayout>
  );
}
