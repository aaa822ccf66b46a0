import {
  AREA_OF_NEED_LABELS,
  allowed,
  type DirectoryEntryView,
  type LocalityView,
  longDate,
  reach,
} from '@consultboard/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { apiDelete } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField, TextField } from '../components/Field';
import { Modal } from '../components/Modal';
import { ShowMore } from '../components/ShowMore';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { useActor } from '../components/UserContext';
import { todayIso } from '../format';
import { useAction } from '../useAction';
import { useAllPages, usePagedList } from '../usePagedList';
import { usePageTitle } from '../usePageTitle';
import { EntryForm } from './EntryForm';
import { ImportForm } from './ImportForm';
import './directory.css';

/** "/directory": the signposting directory (issue 13), services outside school per locality or for all. */
export default function DirectoryPage() {
  return (
    <SignedInPage action="directory.read">
      <Directory />
    </SignedInPage>
  );
}

/** The list's address for a locality and the words searched (after a pause in the typing). */
function listPath(localityId: string, query: string): string {
  const params = new URLSearchParams();
  if (localityId) params.set('localityId', localityId);
  if (query.trim()) params.set('q', query.trim());
  const suffix = params.toString();
  return suffix ? `/api/directory?${suffix}` : '/api/directory';
}

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Directory() {
  usePageTitle('Directory');
  const actor = useActor();
  const today = todayIso();
  const [localityId, setLocalityId] = useState('');
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 250);
  const entries = usePagedList<DirectoryEntryView>(listPath(localityId, query), 'entries');
  const localityChoices = useAllPages<LocalityView>('/api/localities', 'localities');
  const readable = (localityChoices.items ?? []).filter((locality) =>
    allowed(actor, 'directory.read', { localityId: locality.id }),
  );
  const managed = readable.filter((locality) => allowed(actor, 'directory.manage', { localityId: locality.id }));
  const mayAddForAll = reach(actor, 'directory.manage').all;
  const mayManage = (entry: DirectoryEntryView) =>
    entry.localityId === null ? mayAddForAll : allowed(actor, 'directory.manage', { localityId: entry.localityId });
  const [editing, setEditing] = useState<DirectoryEntryView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DirectoryEntryView | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const defaultPlace = localityId || managed[0]?.id || '';
  const exportHref = `/api/directory/export${localityId ? `?localityId=${encodeURIComponent(localityId)}` : ''}`;
  const listId = useId();

  return (
    <SignedInLayout>
      <h1>Directory</h1>
      <p className="muted">Services outside school that the group signposts to: the local offer.</p>
      <ErrorAlert message={entries.error ?? localityChoices.error} />
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      <div className="directory-tools">
        <SelectField
          label="Locality"
          name="locality"
          value={localityId}
          onChange={(event) => setLocalityId(event.target.value)}
        >
          <option value="">Every locality I see</option>
          {readable.map((locality) => (
            <option key={locality.id} value={locality.id}>
              {locality.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Search"
          name="q"
          type="search"
          hint="By name, what it offers or area of need."
          value={search}
          aria-controls={listId}
          onChange={(event) => setSearch(event.target.value)}
        />
        <div className="button-row">
          {(managed.length > 0 || mayAddForAll) && editing === null && (
            <button type="button" className="button primary" onClick={() => setEditing('new')}>
              Add service
            </button>
          )}
          <a className="button secondary" href={exportHref} download>
            Export CSV
          </a>
        </div>
      </div>
      {(managed.length > 0 || mayAddForAll) && (
        // Above the list: a local offer of hundreds of services would otherwise push it out of reach.
        <details className="panel directory-import">
          <summary>Import CSV</summary>
          <ImportForm
            localities={managed}
            mayAddForAll={mayAddForAll}
            defaultLocalityId={defaultPlace}
            onImported={() => entries.reload()}
          />
        </details>
      )}
      {editing !== null && (
        <EntryForm
          key={editing === 'new' ? 'new' : editing.id}
          entry={editing === 'new' ? null : editing}
          localities={managed}
          mayAddForAll={mayAddForAll}
          defaultLocalityId={editing === 'new' ? defaultPlace : ''}
          today={today}
          onSaved={(entry) => {
            setSaved(`${entry.name} saved.`);
            setEditing(null);
            if (editing === 'new') entries.added(entry);
            else entries.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <section aria-labelledby={`${listId}-heading`}>
        <h2 id={`${listId}-heading`}>Services</h2>
        {entries.items && entries.items.length === 0 && (
          <p>{query.trim() ? 'No service matches that search.' : 'No services yet.'}</p>
        )}
        <ul className="directory-list" id={listId}>
          {(entries.items ?? []).map((entry) => (
            <EntryCard
              key={entry.id}
              entry={entry}
              mayManage={mayManage(entry)}
              onEdit={() => setEditing(entry)}
              onDelete={() => setDeleting(entry)}
            />
          ))}
        </ul>
        <ShowMore list={entries} />
      </section>
      <DeleteDialog
        entry={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(entry) => {
          setSaved(`${entry.name} deleted.`);
          setDeleting(null);
          entries.reload();
        }}
      />
    </SignedInLayout>
  );
}

/** Ages and areas of need in a line: who the service is for. */
export function whoFor(entry: Pick<DirectoryEntryView, 'ageFrom' | 'ageTo' | 'areasOfNeed'>): string {
  const ages =
    entry.ageFrom !== null && entry.ageTo !== null
      ? `Ages ${entry.ageFrom} to ${entry.ageTo}`
      : entry.ageFrom !== null
        ? `From age ${entry.ageFrom}`
        : entry.ageTo !== null
          ? `Up to age ${entry.ageTo}`
          : 'Any age';
  const areas = entry.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]).join('; ');
  return areas ? `${ages}. ${areas}` : ages;
}

function EntryCard({
  entry,
  mayManage,
  onEdit,
  onDelete,
}: {
  entry: DirectoryEntryView;
  mayManage: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const headingId = useId();
  return (
    <li className="panel directory-entry">
      <h3 id={headingId}>{entry.name}</h3>
      <p className="muted">
        {entry.localityName ?? 'All localities'}
        {entry.needsCheck && (
          <>
            {' '}
            <span className="directory-stale">Not checked for 12 months</span>
          </>
        )}
      </p>
      <p>{entry.offer}</p>
      <dl className="directory-facts">
        <dt>Who it is for</dt>
        <dd>{whoFor(entry)}</dd>
        {entry.eligibility && (
          <>
            <dt>Eligibility</dt>
            <dd>{entry.eligibility}</dd>
          </>
        )}
        <dt>How to access or refer</dt>
        <dd>{entry.access}</dd>
        {entry.contact && (
          <>
            <dt>Contact</dt>
            <dd>{entry.contact}</dd>
          </>
        )}
        {entry.website && (
          <>
            <dt>Website</dt>
            <dd>
              <a href={entry.website} rel="noopener noreferrer external" target="_blank">
                {entry.website}
              </a>
            </dd>
          </>
        )}
        <dt>Last checked</dt>
        <dd>{longDate(entry.lastChecked)}</dd>
      </dl>
      {mayManage && (
        <div className="button-row">
          <button type="button" className="button secondary" onClick={onEdit} aria-label={`Edit ${entry.name}`}>
            Edit
          </button>
          <button type="button" className="button secondary" onClick={onDelete} aria-label={`Delete ${entry.name}`}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function DeleteDialog({
  entry,
  onClose,
  onDeleted,
}: {
  entry: DirectoryEntryView | null;
  onClose: () => void;
  onDeleted: (entry: DirectoryEntryView) => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const { busy, error, run } = useAction();
  return (
    <Modal open={entry !== null} onClose={onClose} labelledBy="delete-service-heading" initialFocus={cancel}>
      {entry && (
        <div className="stack">
          <h2 id="delete-service-heading">Delete {entry.name}?</h2>
          <p>Cards already linked to it keep its name and how to access it.</p>
          <ErrorAlert message={error} />
          <div className="button-row">
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await apiDelete(`/api/directory/${encodeURIComponent(entry.id)}`);
                  onDeleted(entry);
                })
              }
            >
              Delete
            </button>
            <button type="button" className="button secondary" ref={cancel} onClick={onClose}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
