import {
  ACTION_ROW_LABELS,
  AREA_OF_NEED_LABELS,
  CARD_KIND_LABELS,
  CASE_TYPE_LABELS,
  type ExportFinding,
  type MinutesView,
  PREPARATION_LABELS,
  type PreparationSection,
} from '@consultboard/domain';
import { useState } from 'react';
import { errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { SignedInLayout } from '../components/SignedInLayout';
import { formatDate } from '../format';
import { CheckBeforeExporting } from '../privacy/CheckBeforeExporting';
import { fetchExport, saveFile } from '../privacy/exportFile';
import { useApiData } from '../useApiData';
import { usePageTitle } from '../usePageTitle';
import { PrintFrame } from './PrintFrame';

/**
 * "/locality-file/:id": one case's minutes, laid out to print on A4 ("Confidential" and the reference at the top of
 * every printed page, `PrintFrame`), with Print, Export Word and Export PDF. Opening it is recorded in the audit log.
 */
export function MinutesPage({ id }: { id: string }) {
  const loaded = useApiData<{ minutes: MinutesView }>(`/api/minutes/${encodeURIComponent(id)}`);
  const view = loaded.data?.minutes;
  usePageTitle(view ? `Minutes: Case ${view.minutes.reference}` : 'Minutes');
  return (
    <SignedInLayout>
      <p className="no-print">
        <Link href="/locality-file">Locality file</Link>
      </p>
      <ErrorAlert message={loaded.error} />
      {!view && !loaded.error && <p>Loading…</p>}
      {view && <Minutes view={view} />}
    </SignedInLayout>
  );
}

function Minutes({ view }: { view: MinutesView }) {
  const minutes = view.minutes;
  const prepared = (Object.entries(PREPARATION_LABELS) as [PreparationSection, string][]).filter(
    ([key]) => minutes.preparation[key].trim() !== '',
  );
  return (
    <article className="minutes" aria-labelledby="minutes-heading">
      <PrintFrame head={`Confidential · Minutes of case ${minutes.reference}`}>
        <p className="confidential">Confidential</p>
        <h1 id="minutes-heading">Minutes: Case {minutes.reference}</h1>
        <MinutesFiles id={view.id} />
        <dl className="minutes-fields">
          <dt>Case type</dt>
          <dd>{CASE_TYPE_LABELS[minutes.caseType]}</dd>
          <dt>Area(s) of need</dt>
          <dd>{minutes.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]).join('; ') || 'None given'}</dd>
          <dt>Session date</dt>
          <dd>{formatDate(minutes.sessionDate)}</dd>
          <dt>Locality</dt>
          <dd>{minutes.localityName}</dd>
          <dt>School</dt>
          <dd>{minutes.schoolName}</dd>
          <dt>Facilitating EP</dt>
          <dd>{minutes.facilitatorName}</dd>
        </dl>
        <section aria-labelledby="preparation-heading">
          <h2 id="preparation-heading">Preparation form</h2>
          {prepared.length === 0 && <p>Not filled in.</p>}
          {prepared.map(([key, label]) => (
            <div key={key}>
              <h3>{label}</h3>
              <p className="keep-lines">{minutes.preparation[key]}</p>
            </div>
          ))}
        </section>
        {minutes.stages.map((stage) => (
          <section key={stage.id} aria-labelledby={`stage-${stage.id}`}>
            <h2 id={`stage-${stage.id}`}>{stage.name}</h2>
            {stage.notes.length > 0 && (
              <>
                <h3>Notes</h3>
                {stage.notes.map((line, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a snapshot never move
                  <p key={index}>{line}</p>
                ))}
              </>
            )}
            {stage.cards.length > 0 && (
              <>
                <h3>Cards</h3>
                <ul>
                  {stage.cards.map((card, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the cards of a snapshot never move
                    <li key={index}>
                      <strong>{CARD_KIND_LABELS[card.kind]}:</strong> {card.text}
                      {card.helpful && <strong className="helpful-mark"> (Helpful)</strong>}
                      {card.merged.length > 0 && (
                        <ul>
                          {card.merged.map((text, mergedIndex) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: as above
                            <li key={mergedIndex}>
                              <span className="muted">Merged:</span> {text}
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ))}
        <section aria-labelledby="plan-heading">
          <h2 id="plan-heading">Action plan as agreed</h2>
          {minutes.plan.length === 0 ? (
            <p>No actions were agreed.</p>
          ) : (
            <div className="table-scroll">
              <table className="table minutes-plan">
                <thead>
                  <tr>
                    <th scope="col">{ACTION_ROW_LABELS.action}</th>
                    <th scope="col">{ACTION_ROW_LABELS.who}</th>
                    <th scope="col">{ACTION_ROW_LABELS.byWhen}</th>
                    <th scope="col">{ACTION_ROW_LABELS.successLooksLike}</th>
                    <th scope="col">{ACTION_ROW_LABELS.reviewDate}</th>
                    <th scope="col">{ACTION_ROW_LABELS.areaOfNeed}</th>
                  </tr>
                </thead>
                <tbody>
                  {minutes.plan.map((row, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the rows of a snapshot never move
                    <tr key={index}>
                      {/* data-label: the column's name beside each cell where a narrow screen stacks the row. */}
                      <td data-label={ACTION_ROW_LABELS.action}>{row.action}</td>
                      <td data-label={ACTION_ROW_LABELS.who}>{row.who}</td>
                      <td data-label={ACTION_ROW_LABELS.byWhen}>{formatDate(row.byWhen)}</td>
                      <td data-label={ACTION_ROW_LABELS.successLooksLike}>{row.successLooksLike}</td>
                      <td data-label={ACTION_ROW_LABELS.reviewDate}>{formatDate(row.reviewDate)}</td>
                      <td data-label={ACTION_ROW_LABELS.areaOfNeed}>
                        {row.areaOfNeed ? AREA_OF_NEED_LABELS[row.areaOfNeed] : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </PrintFrame>
    </article>
  );
}

/** Print, Export Word and Export PDF; over findings nobody checked, **Check before exporting** instead of a file. */
function MinutesFiles({ id }: { id: string }) {
  const [findings, setFindings] = useState<ExportFinding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/minutes/${encodeURIComponent(id)}`;
  const exportAs = async (format: 'docx' | 'pdf') => {
    setError(null);
    setBusy(true);
    try {
      const answer = await fetchExport(`${path}/${format}`, `minutes.${format}`);
      if (answer.ok) {
        setFindings(null);
        saveFile(answer.blob, answer.fileName);
      } else setFindings(answer.findings);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-area no-print">
      <div className="button-row">
        <button type="button" className="button secondary" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={() => void exportAs('docx')}>
          Export Word
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={() => void exportAs('pdf')}>
          Export PDF
        </button>
      </div>
      <ErrorAlert message={error} />
      {findings && <CheckBeforeExporting findings={findings} onClose={() => setFindings(null)} />}
    </div>
  );
}
