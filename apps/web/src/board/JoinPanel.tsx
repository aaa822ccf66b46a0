import type { Welcome } from '@consultboard/domain';
import { QrCode } from '../components/QrCode';
import type { JoinPanelSize } from './joinPanelSize';

/** How to join: the QR code, the code and the address, large while people arrive, then in a corner. */
export function JoinPanel({ join, size }: { join: NonNullable<Welcome['join']>; size: JoinPanelSize }) {
  return (
    <aside className={`board-join board-join-${size}`} aria-labelledby="board-join-heading">
      <h2 id="board-join-heading" className={size === 'corner' ? 'visually-hidden' : undefined}>
        Join on your phone
      </h2>
      <QrCode url={join.url} />
      <div className="board-join-words">
        <p className="board-join-label">Join code</p>
        <p className="join-code">{join.code}</p>
        {size === 'large' && <p className="join-url">{join.url}</p>}
      </div>
    </aside>
  );
}
