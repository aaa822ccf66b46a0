import type { LocalityView, SchoolView } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField, TextField } from '../components/Field';
import { Link } from '../components/Link';
import { ShowMore } from '../components/ShowMore';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { useAction } from '../useAction';
import { useAllPages, usePagedList } from '../usePagedList';
import { usePageTitle } from '../usePageTitle';

/** "/localities": the admin's list of localities and the schools in each. */
export default function LocalitiesPage() {
  return (
    <SignedInPage action="locality.manage">
      <Localities />
    </SignedInPage>
  );
}

function Localities() {
  usePageTitle('Localities and schools');
  // The list pages its localities; the new school's choice of locality, and the schools under each, need all.
  const localities = usePagedList<LocalityView>('/api/localities', 'localities');
  const choices = useAllPages<LocalityView>('/api/localities', 'localities');
  const schools = useAllPages<SchoolView>('/api/schools', 'schools');
  const localityList = localities.items ?? [];
  const schoolList = schools.items ?? [];
  const added = (locality: LocalityView) => {
    localities.added(locality);
    choices.reload();
  };

  return (
    <SignedInLayout>
      <h1>Localities and schools</h1>
      <ErrorAlert message={localities.error ?? choices.error ?? schools.error} />
      <div className="two-columns">
        <AddLocalityForm onAdded={added} />
        <AddSchoolForm localities={choices.items ?? []} onAdded={schools.reload} />
      </div>
      <section aria-labelledby="localities-heading">
        <h2 id="localities-heading">Localities</h2>
        {localities.items && localityList.length === 0 && <p>No localities yet. Add the first one above.</p>}
        <ul className="plain-list">
          {localityList.map((locality) => {
            const inLocality = schoolList.filter((school) => school.localityId === locality.id);
            return (
              <li key={locality.id}>
                <h3>{locality.name}</h3>
                <p>
                  <Link href={`/localities/${encodeURIComponent(locality.id)}/template`}>
                    Stage template: {locality.name}
                  </Link>
                </p>
                {inLocality.length === 0 ? (
                  <p className="muted">No schools yet.</p>
                ) : (
                  <ul>
                    {inLocality.map((school) => (
                      <li key={school.id}>{school.name}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
        <ShowMore list={localities} />
      </section>
    </SignedInLayout>
  );
}

function AddLocalityForm({ onAdded }: { onAdded: (locality: LocalityView) => void }) {
  const [name, setName] = useState('');
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const { locality } = (await apiPost('/api/localities', { name })) as { locality: LocalityView };
      setName('');
      onAdded(locality);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="panel stack" aria-labelledby="add-locality-heading">
      <h2 id="add-locality-heading">Add a locality</h2>
      <ErrorAlert message={error} />
      <TextField label="Locality name" name="name" value={name} onChange={(event) => setName(event.target.value)} />
      <button type="submit" className="button primary" disabled={busy}>
        Add locality
      </button>
    </form>
  );
}

function AddSchoolForm({ localities, onAdded }: { localities: LocalityView[]; onAdded: () => void }) {
  const [name, setName] = useState('');
  const [localityId, setLocalityId] = useState('');
  const { busy, error, setError, run } = useAction();
  const chosen = localityId || localities[0]?.id || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) {
      setError('Add a locality first.');
      return;
    }
    await run(async () => {
      await apiPost('/api/schools', { name, localityId: chosen });
      setName('');
      onAdded();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="panel stack" aria-labelledby="add-school-heading">
      <h2 id="add-school-heading">Add a school</h2>
      <ErrorAlert message={error} />
      <TextField label="School name" name="name" value={name} onChange={(event) => setName(event.target.value)} />
      <SelectField
        label="Locality"
        name="localityId"
        value={chosen}
        onChange={(event) => setLocalityId(event.target.value)}
      >
        {localities.length === 0 && <option value="">No localities yet</option>}
        {localities.map((locality) => (
          <option key={locality.id} value={locality.id}>
            {locality.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button primary" disabled={busy}>
        Add school
      </button>
    </form>
  );
}
