import { BoardEnded } from '../board/BoardEnded';
import { LiveBoard } from '../board/LiveBoard';
import { ErrorAlert } from '../components/ErrorAlert';
import { RequireUser } from '../components/RequireUser';
import { useSessionView } from '../components/useSessionView';
import { formatDate } from '../format';
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
