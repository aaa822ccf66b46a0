import {
  AREA_OF_NEED_LABELS,
  AREAS_OF_NEED,
  type AreaOfNeed,
  DIRECTORY_LIMITS,
  type DirectoryEntryFields,
  type DirectoryEntryView,
  type LocalityView,
} from '@consultboard/domain';
import { type FormEvent, useId, useState } from 'react';
import { ApiError, apiPost, apiPut } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField, TextArea, TextField } from '../components/Field';
import { useAction } from '../useAction';

/** The form's fields as typed: ages are text until sent. */
interface Draft {
  localityId: string;
  name: string;
  offer: string;
  ageFrom: string;
  ageTo: string;
  areasOfNeed: AreaOfNeed[];
  eligibility: string;
  access: string;
  contact: string;
  website: string;
  lastChecked: string;
}

/** "All localities" in the locality choice (the admin's only). */
export const ALL = '';

function draftOf(entry: DirectoryEntryView | null, localityId: string, today: string): Draft {
  if (!entry)
    return {
      localityId,
      name: '',
      offer: '',
      ageFrom: '',
      ageTo: '',
      areasOfNeed: [],
      eligibility: '',
      access: '',
      contact: '',
      website: '',
      lastChecked: today,
    };
  return {
    ...entry,
    localityId: entry.localityId ?? ALL,
    ageFrom: entry.ageFrom === null ? '' : String(entry.ageFrom),
    ageTo: entry.ageTo === null ? '' : String(entry.ageTo),
  };
}

const age = (value: string) => (value.trim() === '' ? null : Number(value));

/** Add service / Edit: every field of an entry, sent whole; the server's field messages go beside the fields. */
export function EntryForm({
  entry,
  localities,
  mayAddForAll,
  defaultLocalityId,
  today,
  onSaved,
  onCancel,
}: {
  entry: DirectoryEntryView | null;
  localities: LocalityView[];
  mayAddForAll: boolean;
  defaultLocalityId: string;
  today: string;
  onSaved: (entry: DirectoryEntryView) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(entry, defaultLocalityId, today));
  const [fields, setFields] = useState<Record<string, string>>({});
  const { busy, error, run } = useAction();
  const headingId = useId();
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const field = (name: keyof DirectoryEntryFields) => fields[`entry.${name}`];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFields({});
    const { localityId, ...rest } = draft;
    const body = {
      localityId: localityId === ALL ? null : localityId,
      entry: { ...rest, ageFrom: age(draft.ageFrom), ageTo: age(draft.ageTo) },
    };
    await run(
      async () => {
        const answer = (
          entry
            ? await apiPut(`/api/directory/${encodeURIComponent(entry.id)}`, body)
            : await apiPost('/api/directory', body)
        ) as { entry: DirectoryEntryView };
        onSaved(answer.entry);
      },
      (caught) => {
        if (caught instanceof ApiError) setFields(caught.fields);
      },
    );
  }

  const toggleArea = (area: AreaOfNeed, on: boolean) =>
    set({
      areasOfNeed: on ? [...draft.areasOfNeed, area] : draft.areasOfNeed.filter((other) => other !== area),
    });

  return (
    <form onSubmit={submit} noValidate className="panel stack directory-form" aria-labelledby={headingId}>
      <h2 id={headingId}>{entry ? `Edit ${entry.name}` : 'Add service'}</h2>
      <ErrorAlert message={error} />
      <SelectField
        label="For"
        name="localityId"
        value={draft.localityId}
        error={fields.localityId}
        onChange={(event) => set({ localityId: event.target.value })}
      >
        {mayAddForAll && <option value={ALL}>All localities</option>}
        {localities.map((locality) => (
          <option key={locality.id} value={locality.id}>
            {locality.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Name"
        name="name"
        value={draft.name}
        limit={DIRECTORY_LIMITS.name}
        error={field('name')}
        onChange={(event) => set({ name: event.target.value })}
      />
      <TextArea
        label="What it offers"
        name="offer"
        rows={3}
        value={draft.offer}
        limit={DIRECTORY_LIMITS.offer}
        error={field('offer')}
        onChange={(event) => set({ offer: event.target.value })}
      />
      <div className="directory-ages">
        <TextField
          label="Age from"
          name="ageFrom"
          inputMode="numeric"
          value={draft.ageFrom}
          error={field('ageFrom')}
          onChange={(event) => set({ ageFrom: event.target.value })}
        />
        <TextField
          label="Age to"
          name="ageTo"
          inputMode="numeric"
          value={draft.ageTo}
          error={field('ageTo')}
          onChange={(event) => set({ ageTo: event.target.value })}
        />
      </div>
      <fieldset className="choices">
        <legend>Areas of need</legend>
        {AREAS_OF_NEED.map((area) => (
          <label key={area}>
            <input
              type="checkbox"
              name="areasOfNeed"
              value={area}
              checked={draft.areasOfNeed.includes(area)}
              onChange={(event) => toggleArea(area, event.target.checked)}
            />{' '}
            {AREA_OF_NEED_LABELS[area]}
          </label>
        ))}
      </fieldset>
      <TextArea
        label="Eligibility"
        name="eligibility"
        rows={2}
        value={draft.eligibility}
        limit={DIRECTORY_LIMITS.eligibility}
        error={field('eligibility')}
        onChange={(event) => set({ eligibility: event.target.value })}
      />
      <TextArea
        label="How to access or refer"
        name="access"
        rows={2}
        value={draft.access}
        limit={DIRECTORY_LIMITS.access}
        error={field('access')}
        onChange={(event) => set({ access: event.target.value })}
      />
      <TextField
        label="Contact"
        hint="The organisation's phone line or e-mail, never a person's."
        name="contact"
        value={draft.contact}
        limit={DIRECTORY_LIMITS.contact}
        error={field('contact')}
        onChange={(event) => set({ contact: event.target.value })}
      />
      <TextField
        label="Website"
        name="website"
        type="url"
        value={draft.website}
        limit={DIRECTORY_LIMITS.website}
        error={field('website')}
        onChange={(event) => set({ website: event.target.value })}
      />
      <TextField
        label="Last checked"
        name="lastChecked"
        type="date"
        value={draft.lastChecked}
        error={field('lastChecked')}
        onChange={(event) => set({ lastChecked: event.target.value })}
      />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
