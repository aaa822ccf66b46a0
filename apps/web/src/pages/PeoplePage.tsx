import type { LocalityView, PersonView, SchoolView } from '@consultboard/domain';
import { useMemo, useState } from 'react';
import { apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { ShowMore } from '../components/ShowMore';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { useUser } from '../components/UserContext';
import { InviteForm } from '../people/InviteForm';
import { PERSON_STATUS_LABELS, personPlace, ROLE_LABELS } from '../people/personLabels';
import { useAction } from '../useAction';
import { useAllPages, usePagedList } from '../usePagedList';
import { usePageTitle } from '../usePageTitle';

/** "/people": everyone with an account, inviting EPs and SENCOs, and deactivating those who leave. */
export default function PeoplePage() {
  return (
    <SignedInPage action="person.manage">
      <People />
    </SignedInPage>
  );
}

function People() {
  usePageTitle('People');
  const { user } = useUser();
  const people = usePagedList<PersonView>('/api/people', 'people');
  // Every locality and school: the invitation's choices, and the names beside each person.
  const localities = useAllPages<LocalityView>('/api/localities', 'localities');
  const schools = useAllPages<SchoolView>('/api/schools', 'schools');
  const localityList = localities.items ?? [];
  const schoolList = schools.items ?? [];
  const localityNames = useMemo(() => new Map(localityList.map((l) => [l.id, l.name])), [localityList]);
  const schoolNames = useMemo(() => new Map(schoolList.map((s) => [s.id, s.name])), [schoolList]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  async function deactivate(person: PersonView) {
    await run(async () => {
      await apiPost(`/api/people/${encodeURIComponent(person.id)}/deactivate`);
      setConfirming(null);
      people.reload();
    });
  }

  return (
    <SignedInLayout wide>
      <h1>People</h1>
      <ErrorAlert message={people.error ?? localities.error ?? schools.error} />
      <InviteForm localities={localityList} schools={schoolList} onInvited={people.added} />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">Everyone</h2>
        <ErrorAlert message={error} />
        {people.items && (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Localities or school</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.items.map((person) => (
                  <tr key={person.id}>
                    <th scope="row">{person.name}</th>
                    <td>{person.email}</td>
                    <td>{ROLE_LABELS[person.role]}</td>
                    <td>{personPlace(person, localityNames, schoolNames)}</td>
                    <td>{PERSON_STATUS_LABELS[person.status]}</td>
                    <td>
                      {person.status !== 'deactivated' &&
                        person.id !== user.id &&
                        (confirming === person.id ? (
                          <div className="confirm">
                            <p>Deactivate {person.name}? They will not be able to sign in.</p>
                            <div className="button-row">
                              <button
                                type="button"
                                className="button danger small"
                                disabled={busy}
                                onClick={() => deactivate(person)}
                              >
                                Yes, deactivate
                              </button>
                              <button
                                type="button"
                                className="button secondary small"
                                onClick={() => setConfirming(null)}
                              >
                                Cancel
                              </button>
                            </div>
                          </div>
                        ) : (
                          <button
                            type="button"
                            className="button secondary small"
                            aria-label={`Deactivate ${person.name}`}
                            onClick={() => setConfirming(person.id)}
                          >
                            Deactivate
                          </button>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ShowMore list={people} />
      </section>
    </SignedInLayout>
  );
}
