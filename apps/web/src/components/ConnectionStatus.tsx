import { connectionLabel } from '../meeting/connectionLabel';
import type { ConnectionState } from '../meeting/MeetingClient';

/** A polite status line saying whether this screen is live. */
export function ConnectionStatus({
  connection,
  audience,
}: {
  connection: ConnectionState;
  audience: 'phone' | 'room';
}) {
  return (
    <p role="status" className={`connection connection-${connection}`}>
      <span className="connection-dot" aria-hidden="true" />
      {connectionLabel(connection, audience)}
    </p>
  );
}
