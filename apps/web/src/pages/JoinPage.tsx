import { useState } from 'react';
import { forgetJoin, forgetSession, joinToResume, loadJoin, type StoredJoin, saveJoin } from '../meeting/phoneStore';
import { browserStore } from '../meeting/storage';
import { JoinForm } from './JoinForm';
import { PhoneMeeting } from './PhoneMeeting';
import './phone.css';

/** "/join" and "/join/:code": join with a code and a name, then follow the meeting on the phone. */
export default function JoinPage({ code }: { code?: string }) {
  const [store] = useState(browserStore);
  // A reload resumes straight into the meeting with the stored token for this code.
  const [join, setJoin] = useState<StoredJoin | null>(() => joinToResume(loadJoin(store), code));
  const [notice, setNotice] = useState<string | null>(null);

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
  );
}
