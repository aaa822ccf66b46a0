import type { CaseView } from '@consultboard/domain';
import { useState } from 'react';
import { apiDelete, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { navigate } from '../router';

/** Deleting a case, asked twice inline since it cannot be undone. */
export function DeleteCase({ found }: { found: CaseView }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await apiDelete(`/api/cases/${encodeURIComponent(found.id)}`);
      navigate('/cases');
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <section className="stack" aria-labelledby="delete-heading">
      <h2 id="delete-heading" className="visually-hidden">
        Delete
      </h2>
      <ErrorAlert message={error} />
      {confirming ? (
        <div className="confirm">
          <p id="delete-question">Delete {found.reference} and its preparation form? This cannot be undone.</p>
          <div className="button-row">
            <button type="button" className="button danger" disabled={busy} onClick={remove}>
              Yes, delete
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button type="button" className="button danger" onClick={() => setConfirming(true)}>
            Delete case
          </button>
        </p>
      )}
    </section>
  );
}
