import {
  type Command,
  type DirectorySuggestion,
  initialMeetingState,
  type MeetingState,
  SOCKET_PATH,
} from '@consultboard/domain';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { io } from 'socket.io-client';
import {
  type CommandOutcome,
  type CommandRefusal,
  type HandshakeFactory,
  MeetingClient,
  type MeetingSnapshot,
  type MeetingSocket,
} from './MeetingClient';
import { outboxKey } from './outbox';
import { browserStore } from './storage';

export interface UseMeetingOptions {
  /** Keep the outbox in localStorage under this session's key (phones, which must survive a reload). */
  persistOutboxFor?: string;
  onRefused?: (refusal: CommandRefusal) => void;
  /** Where to start before the server answers (read when the connection is made). */
  initialState?: () => MeetingState | null;
}

export type MeetingView = MeetingSnapshot & {
  sendCommand: (command: Command) => Promise<CommandOutcome>;
  /** Issue 13: directory entries for the Resource box. */
  suggest: (q: string) => Promise<DirectorySuggestion[]>;
};

const idle: MeetingSnapshot = {
  state: initialMeetingState,
  connection: 'connecting',
  connectRefusal: null,
  waitingReason: null,
  presence: [],
  clockOffset: 0,
  welcome: null,
  pending: [],
  lastRefusal: null,
};
const subscribeNothing = () => () => {};

function openSocket(sessionId: string, auth: (callback: (data: object) => void) => void): MeetingSocket {
  // forceNew: one connection per page, never shared with (or closed by) another client's manager. WebSocket first
  // (no long-polling handshake and upgrade: two or three round trips fewer); where the network refuses WebSockets
  // (some school Wi-Fi proxies), every attempt falls back to long-polling (tryAllTransports).
  // `session` is on every request's address so a load balancer sends all of a meeting to one node (issue 14); the
  // server ignores it: who may connect is decided by `auth` and the cookie alone.
  return io({
    path: SOCKET_PATH,
    auth,
    query: { session: sessionId },
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    forceNew: true,
  });
}

/**
 * Joins the live meeting of session `sessionId` for as long as the calling component is mounted. Pass a stable
 * (memoised) handshake factory, or null to wait; a new factory means a new connection.
 */
export function useMeeting(
  sessionId: string,
  handshakeFactory: HandshakeFactory | null,
  options: UseMeetingOptions = {},
): MeetingView {
  const [client, setClient] = useState<MeetingClient | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const persistFor = options.persistOutboxFor;

  useEffect(() => {
    if (!handshakeFactory) return;
    const created = new MeetingClient({
      handshake: handshakeFactory,
      connect: (auth) => openSocket(sessionId, auth),
      outboxStore: persistFor ? { store: browserStore(), key: outboxKey(persistFor) } : undefined,
      onRefused: (refusal) => optionsRef.current.onRefused?.(refusal),
      initialState: optionsRef.current.initialState?.() ?? undefined,
      online: navigator.onLine,
    });
    const onOnline = () => created.setOnline(true);
    const onOffline = () => created.setOnline(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    created.start();
    setClient(created);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      created.stop();
      setClient((current) => (current === created ? null : current));
    };
  }, [sessionId, handshakeFactory, persistFor]);

  // Until the client exists (it is made after the first render), show the state it will start from.
  const [firstState] = useState(() => options.initialState?.() ?? null);
  const before = useMemo(() => {
    const view = firstState ? { ...idle, state: firstState } : idle;
    return () => view;
  }, [firstState]);
  const snapshot = useSyncExternalStore(client?.subscribe ?? subscribeNothing, client?.getSnapshot ?? before);
  const sendCommand = useCallback(
    (command: Command): Promise<CommandOutcome> =>
      client
        ? client.sendCommand(command)
        : Promise.resolve({ ok: false, code: 'not_connected', message: 'Not connected yet. Try again in a moment.' }),
    [client],
  );
  const suggest = useCallback((q: string) => (client ? client.suggest(q) : Promise.resolve([])), [client]);
  return { ...snapshot, sendCommand, suggest };
}
