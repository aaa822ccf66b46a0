import type { CaseView } from '@consultboard/domain';
import { useState } from 'react';
import { apiDelete } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { navigate } from '../router';
import { useAction } from '../useAction';

/** Deleting a case, asked twice inline since it cannot be undone. */
export function DeleteCase({ found }: { found: CaseView }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();

  async function remove() {
    await run(async () => {
      await apiDelete(`/api/cases/${encodeURIComponent(found.id)}`);
      navigate('/cases');
    });
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
