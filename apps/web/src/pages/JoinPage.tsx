import { lazy, Suspense, useEffect, useState } from 'react';
import { forgetJoin, forgetSession, joinToResume, loadJoin, type StoredJoin, saveJoin } from '../meeting/phoneStore';
import { browserStore } from '../meeting/storage';
import { JoinForm } from './JoinForm';
import './phone.css';

// The live meeting (with the socket client) is its own chunk, so the join form is all a phone waits for on poor
// Wi-Fi. It is fetched while the person types their name, and the service worker keeps it for offline reloads.
const loadMeeting = () => import('./PhoneMeeting');
const PhoneMeeting = lazy(() => loadMeeting().then((module) => ({ default: module.PhoneMeeting })));

/** "/join" and "/join/:code": join with a code and a name, then follow the meeting on the phone. */
export default function JoinPage({ code }: { code?: string }) {
  const [store] = useState(browserStore);
  // A reload resumes straight into the meeting with the stored token for this code.
  const [join, setJoin] = useState<StoredJoin | null>(() => joinToResume(loadJoin(store), code));
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void loadMeeting().catch(() => {
      // Offline and not cached yet: the lazy component tries again when it is needed.
    });
  }, []);

  if (!join) {
    return (
      <JoinForm
        initialCode={code ?? ''}
        notice={notice}
        onJoined={(joined) => {
          // Joining another session: nothing of the earlier one stays on the phone.
          const earlier = loadJoin(store);
          if (earlier && earlier.sessionId !== joined.sessionId) forgetSession(store, earlier.sessionId);
          saveJoin(store, joined);
          setNotice(null);
          setJoin(joined);
        }}
      />
    );
  }
  return (
    <Suspense
      fallback={
        <main className="phone">
          <p role="status">Opening the meeting…</p>
        </main>
      }
    >
      <PhoneMeeting
        key={join.token}
        join={join}
        store={store}
        onRejoin={(message) => {
          forgetJoin(store);
          setNotice(message);
          setJoin(null);
        }}
      />
    </Suspense>
  );
}
