import type { ConnectionState } from './MeetingClient';

/** The connection in plain words, for the status line of every live screen. */
export function connectionLabel(connection: ConnectionState, audience: 'phone' | 'room'): string {
  switch (connection) {
    case 'connected':
      return 'Connected';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'offline':
      return audience === 'phone'
        ? 'Offline: your cards will be sent when you are back'
        : 'Offline: reconnecting when the network is back';
    case 'ended':
      return 'This session has ended.';
    case 'refused':
      return 'Not connected';
  }
}
