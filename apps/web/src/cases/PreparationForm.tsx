import {
  AREA_OF_NEED_LABELS,
  AREAS_OF_NEED,
  type AreaOfNeed,
  type CaseView,
  PREPARATION_LABELS,
  PREPARATION_LIMITS,
  type Preparation,
} from '@consultboard/domain';
import { useEffect, useRef, useState } from 'react';
import { apiPut, errorMessage } from '../api';
import { TextArea } from '../components/Field';
import { FieldFindings } from '../privacy/FieldFindings';
import { createDebouncedSaver, type DebouncedSaver, type SaveStatus } from './debouncedSaver';
import { saveStatusText } from './saveStatusText';

const SECTIONS = ['currentSituation', 'triedSoFar', 'desiredSituation', 'aim'] as const;

/** The consultation preparation form: it saves as the SENCO types, and keeps their words if a save fails. */
export function PreparationForm({ found, onSaved }: { found: CaseView; onSaved: (saved: CaseView) => void }) {
  const [preparation, setPreparation] = useState<Preparation>(found.preparation);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const saver = useRef<DebouncedSaver<Preparation> | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const latest = useRef(preparation);

  useEffect(() => {
    const path = `/api/cases/${encodeURIComponent(found.id)}/preparation`;
    const created = createDebouncedSaver<Preparation>({
      save: async (value) => {
        const { case: saved } = await apiPut<{ case: CaseView }>(path, value);
        onSavedRef.current(saved);
      },
      onStatus: setStatus,
      describe: errorMessage,
    });
    saver.current = created;
    // Leaving with words not yet stored: the browser asks first.
    const warn = (event: BeforeUnloadEvent) => {
      if (created.hasUnsaved()) event.preventDefault();
    };
    // Closing or reloading the page: one last save that outlives it (keepalive), so the last words reach the server.
    const last = () => {
      if (!created.hasUnsaved()) return;
      void fetch(path, {
        method: 'PUT',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(latest.current),
      }).catch(() => {});
    };
    window.addEventListener('beforeunload', warn);
    window.addEventListener('pagehide', last);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.removeEventListener('pagehide', last);
      // Moving to another page in the app: send what is waiting now rather than drop it.
      created.flush();
      created.dispose();
    };
  }, [found.id]);

  function change(next: Preparation) {
    latest.current = next;
    setPreparation(next);
    saver.current?.update(next);
  }

  function toggleArea(area: AreaOfNeed, checked: boolean) {
    const areas = checked
      ? AREAS_OF_NEED.filter((known) => known === area || preparation.areasOfNeed.includes(known))
      : preparation.areasOfNeed.filter((known) => known !== area);
    change({ ...preparation, areasOfNeed: areas });
  }

  return (
    <section className="panel stack" aria-labelledby="preparation-heading">
      <h2 id="preparation-heading">Consultation preparation form</h2>
      <p className="hint">
        The group reads this at the start of the consultation. It saves as you type. Never write a name: use the
        reference.
      </p>
      {SECTIONS.map((section) => (
        <div key={section}>
          <TextArea
            label={PREPARATION_LABELS[section]}
            name={section}
            rows={4}
            limit={PREPARATION_LIMITS.text}
            value={preparation[section]}
            onChange={(event) => change({ ...preparation, [section]: event.target.value })}
          />
          <FieldFindings text={preparation[section]} label={PREPARATION_LABELS[section]} />
        </div>
      ))}
      <fieldset className="choices">
        <legend>Areas of need</legend>
        {AREAS_OF_NEED.map((area) => (
          <label key={area}>
            <input
              type="checkbox"
              name="areasOfNeed"
              value={area}
              checked={preparation.areasOfNeed.includes(area)}
              onChange={(event) => toggleArea(area, event.target.checked)}
            />{' '}
            {AREA_OF_NEED_LABELS[area]}
          </label>
        ))}
      </fieldset>
      <p role="status" className={status.state === 'failed' ? 'save-status save-failed' : 'save-status'}>
        {saveStatusText(status)}
      </p>
    </section>
  );
}
