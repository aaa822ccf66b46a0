import type { InvitationView, LocalityView, SchoolView } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { ApiError, apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField, TextField } from '../components/Field';
import { useAction } from '../useAction';
import { InvitationLink } from './InvitationLink';

type Fields = Partial<Record<'name' | 'email' | 'localityIds' | 'schoolId', string>>;

/** The admin invites an EP (with their localities) or a SENCO (with their school), and gets a link to pass on. */
export function InviteForm({
  localities,
  schools,
  onInvited,
}: {
  localities: LocalityView[];
  schools: SchoolView[];
  onInvited: (person: InvitationView['person']) => void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'ep' | 'senco'>('ep');
  const [localityIds, setLocalityIds] = useState<string[]>([]);
  const [schoolId, setSchoolId] = useState('');
  const [fields, setFields] = useState<Fields>({});
  const { busy, error, run } = useAction();
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const chosenSchool = schoolId || schools[0]?.id || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = role === 'ep' ? { role, name, email, localityIds } : { role, name, email, schoolId: chosenSchool };
    setFields({});
    setInvitation(null);
    await run(
      async () => {
        const created = await apiPost<InvitationView>('/api/people/invite', body);
        setInvitation(created);
        setName('');
        setEmail('');
        setLocalityIds([]);
        onInvited(created.person);
      },
      (caught) => {
        if (caught instanceof ApiError) setFields(caught.fields as Fields);
      },
    );
  }

  function toggleLocality(id: string, checked: boolean) {
    setLocalityIds((current) => (checked ? [...current, id] : current.filter((existing) => existing !== id)));
  }

  return (
    <section className="panel stack" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      {invitation && <InvitationLink invitation={invitation} />}
      <form onSubmit={submit} noValidate className="stack">
        <ErrorAlert message={error} />
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          value={name}
          error={fields.name}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="off"
          value={email}
          error={fields.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <fieldset className="choices">
          <legend>Role</legend>
          <label>
            <input type="radio" name="role" value="ep" checked={role === 'ep'} onChange={() => setRole('ep')} /> EP
          </label>
          <label>
            <input
              type="radio"
              name="role"
              value="senco"
              checked={role === 'senco'}
              onChange={() => setRole('senco')}
            />{' '}
            SENCO
          </label>
        </fieldset>
        {role === 'ep' ? (
          <fieldset className="choices" aria-describedby={fields.localityIds ? 'invite-localities-error' : undefined}>
            <legend>Localities</legend>
            {fields.localityIds && (
              <p className="field-error" id="invite-localities-error">
                {fields.localityIds}
              </p>
            )}
            {localities.length === 0 && <p className="muted">Add a locality first.</p>}
            {localities.map((locality) => (
              <label key={locality.id}>
                <input
                  type="checkbox"
                  name="localityIds"
                  value={locality.id}
                  checked={localityIds.includes(locality.id)}
                  onChange={(event) => toggleLocality(locality.id, event.target.checked)}
                />{' '}
                {locality.name}
              </label>
            ))}
          </fieldset>
        ) : (
          <SelectField
            label="School"
            name="schoolId"
            value={chosenSchool}
            error={fields.schoolId}
            onChange={(event) => setSchoolId(event.target.value)}
          >
            {schools.length === 0 && <option value="">No schools yet</option>}
            {schools.map((school) => (
              <option key={school.id} value={school.id}>
                {school.name} ({school.localityName})
              </option>
            ))}
          </SelectField>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          Create invitation
        </button>
      </form>
    </section>
  );
}
