import { useEffect, useState } from 'react';
import { forgetJoin, forgetSession, joinToResume, loadJoin, type StoredJoin, saveJoin } from '../meeting/phoneStore';
import { browserStore } from '../meeting/storage';
import { JoinForm } from './JoinForm';
import './phone.css';

// The live meeting (with the socket client) is its own chunk, so the join form is all a phone waits for on poor
// Wi-Fi. It is fetched while the form renders and the person types their name, and the service worker keeps it
// for offline reloads.
let meetingLoad: Promise<typeof import('./PhoneMeeting')> | null = null;
/** Fetches the live meeting's chunk once; a failed fetch (offline) is forgotten, so the next call tries again. */
export function loadMeeting() {
  meetingLoad ??= import('./PhoneMeeting').catch((error: unknown) => {
    meetingLoad = null;
    throw error;
  });
  return meetingLoad;
}
type PhoneMeetingView = typeof import('./PhoneMeeting').PhoneMeeting;
/** Set once the chunk has loaded: a later join page shows the meeting without waiting a turn for it. */
let loadedMeeting: PhoneMeetingView | null = null;
const RETRY_MEETING_MS = 3000;

/** "/join" and "/join/:code": join with a code and a name, then follow the meeting on the phone. */
export default function JoinPage({ code }: { code?: string }) {
  const [store] = useState(browserStore);
  // A reload resumes straight into the meeting with the stored token for this code.
  const [join, setJoin] = useState<StoredJoin | null>(() => joinToResume(loadJoin(store), code));
  const [notice, setNotice] = useState<string | null>(null);
  /** The meeting as the join answered it: the phone shows it while its socket connects. */
  const [joinedMeeting, setJoinedMeeting] = useState<unknown>(null);
  // Not React.lazy: its Suspense holds a revealed page back (up to 300 ms) even when the chunk is already here.
  const [PhoneMeeting, setPhoneMeeting] = useState<PhoneMeetingView | null>(() => loadedMeeting);
  const waiting = PhoneMeeting === null && join !== null;
  useEffect(() => {
    if (loadedMeeting) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gone = false;
    const attempt = () =>
      loadMeeting().then(
        (module) => {
          loadedMeeting = module.PhoneMeeting;
          if (!gone) setPhoneMeeting(() => module.PhoneMeeting);
        },
        () => {
          // Offline and not cached yet: try again while someone is waiting for the meeting.
          if (!gone && waiting) timer = setTimeout(attempt, RETRY_MEETING_MS);
        },
      );
    void attempt();
    return () => {
      gone = true;
      clearTimeout(timer);
    };
  }, [waiting]);

  if (!join) {
    return (
      <JoinForm
        initialCode={code ?? ''}
        notice={notice}
        onJoined={(joined, meeting) => {
          // Joining another session: nothing of the earlier one stays on the phone.
          const earlier = loadJoin(store);
          if (earlier && earlier.sessionId !== joined.sessionId) forgetSession(store, earlier.sessionId);
          saveJoin(store, joined);
          setNotice(null);
          setJoinedMeeting(meeting);
          setJoin(joined);
        }}
      />
    );
  }
  if (!PhoneMeeting) {
    return (
      <main className="phone">
        <p role="status">Opening the meeting…</p>
      </main>
    );
  }
  return (
    <PhoneMeeting
      key={join.token}
      join={join}
      joinedMeeting={joinedMeeting}
      store={store}
      onRejoin={(message) => {
        forgetJoin(store);
        setNotice(message);
        setJoinedMeeting(null);
        setJoin(null);
      }}
    />
  );
}
