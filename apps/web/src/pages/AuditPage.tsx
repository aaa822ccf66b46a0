import type { AuditEntryView } from '@consultboard/domain';
import { ErrorAlert } from '../components/ErrorAlert';
import { ShowMore } from '../components/ShowMore';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { formatDateTime } from '../format';
import { usePagedList } from '../usePagedList';
import { usePageTitle } from '../usePageTitle';

/** "/audit": who did what to which record, newest first as the server gives it. */
export default function AuditPage() {
  return (
    <SignedInPage action="audit.read">
      <Audit />
    </SignedInPage>
  );
}

function Audit() {
  usePageTitle('Audit log');
  const audit = usePagedList<AuditEntryView>('/api/audit', 'entries');
  const entries = audit.items;
  return (
    <SignedInLayout wide>
      <h1>Audit log</h1>
      <ErrorAlert message={audit.error} />
      {!entries && !audit.error && <p>Loading…</p>}
      {entries?.length === 0 && <p>Nothing recorded yet.</p>}
      {entries && entries.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Audit log entries</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Which</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.actorName ?? 'System'}</td>
                  <td>{entry.action}</td>
                  <td>
                    {entry.entity}
                    {entry.entityId && <span className="muted"> {entry.entityId}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowMore list={audit} />
    </SignedInLayout>
  );
}
