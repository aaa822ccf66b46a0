import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { NotesRoom, type NotesRoomOptions, notesRoomKey } from './NotesRoom';
import type { NotesStatus } from './notesStatus';
import { RoomRegistry } from './roomRegistry';

/** Every notes room of this page, by document and role: one provider per document, however many editors. */
const rooms = new RoomRegistry<NotesRoom>((room) => room.destroy());

const noRoom = () => () => {};
const loadingStatus = (): NotesStatus => 'loading';

/**
 * Holds the case's notes room while the calling component is mounted (created in an effect, released on
 * unmount), and follows its status.
 */
export function useNotesRoom(options: NotesRoomOptions): { room: NotesRoom | null; status: NotesStatus } {
  const [room, setRoom] = useState<NotesRoom | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const key = notesRoomKey(options);

  useEffect(() => {
    const lease = rooms.acquire(key, () => new NotesRoom(optionsRef.current));
    setRoom(lease.value);
    return () => {
      lease.release();
      setRoom((current) => (current === lease.value ? null : current));
    };
  }, [key]);

  const status = useSyncExternalStore(room?.subscribe ?? noRoom, room?.getStatus ?? loadingStatus);
  return { room, status };
}
