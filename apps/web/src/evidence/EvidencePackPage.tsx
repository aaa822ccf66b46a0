import {
  describeFinding,
  type EvidenceFinding,
  evidencePackFileName,
  findingKey,
  PRIVACY_PLACE_LABELS,
} from '@consultboard/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import { Link } from '../components/Link';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { todayIso } from '../format';
import { fetchExport, saveFile } from '../privacy/exportFile';
import { usePageTitle } from '../usePageTitle';
import './evidence.css';
import { rangeProblems, schoolYearStart } from './packRange';

/** "/evidence-pack": the SENCO's file for an inspector, for their own school and a date range (issue 13 item 4). */
export default function EvidencePackPage() {
  return (
    <SignedInPage action="evidence.export">
      <EvidencePack />
    </SignedInPage>
  );
}

type Fields = Partial<Record<'from' | 'to', string>>;
const FORMATS = { docx: 'Word', pdf: 'PDF' } as const;

function EvidencePack() {
  usePageTitle('Evidence pack');
  const today = todayIso();
  const [from, setFrom] = useState(() => schoolYearStart(today));
  const [to, setTo] = useState(today);
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<keyof typeof FORMATS | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [findings, setFindings] = useState<EvidenceFinding[] | null>(null);
  const checkHeading = useRef<HTMLHeadingElement>(null);

  // Take the keyboard to the reason the file did not come, once the check is on the page.
  useEffect(() => {
    if (findings) checkHeading.current?.focus();
  }, [findings]);

  async function download(extension: keyof typeof FORMATS) {
    const problems = rangeProblems(from, to);
    setFields(problems);
    setError(null);
    setDone(null);
    if (problems.from || problems.to) return;
    setBusy(extension);
    try {
      const query = new URLSearchParams({ from, to });
      const answer = await fetchExport(
        `/api/evidence-pack.${extension}?${query}`,
        evidencePackFileName(from, to, extension),
      );
      if (answer.ok) {
        setFindings(null);
        saveFile(answer.blob, answer.fileName);
        setDone(`The evidence pack (${FORMATS[extension]}) is downloading: ${answer.fileName}.`);
      } else {
        setFindings(answer.findings as EvidenceFinding[]);
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields) setFields(caught.fields as Fields);
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void download('docx');
  };

  return (
    <SignedInLayout>
      <h1>Evidence pack</h1>
      <p>
        One file for your school's information for an inspector: a contents page, a summary of every case, each case's
        action plan with its review history and the impact of each action, then the services signposted. Children are
        known by their reference only, and nothing of another school is in it.
      </p>
      <form className="panel stack evidence-form" onSubmit={submit} noValidate aria-labelledby="range-heading">
        <h2 id="range-heading">Cases with a consultation between</h2>
        <div className="evidence-range">
          <TextField
            label="From"
            type="date"
            name="from"
            value={from}
            max={to || undefined}
            error={fields.from}
            onChange={(event) => {
              setFrom(event.target.value);
              setFields({});
            }}
          />
          <TextField
            label="To"
            type="date"
            name="to"
            value={to}
            min={from || undefined}
            error={fields.to}
            onChange={(event) => {
              setTo(event.target.value);
              setFields({});
            }}
          />
        </div>
        <ErrorAlert message={error} />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy !== null}>
            {busy === 'docx' ? 'Making the Word file…' : 'Download Word'}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={busy !== null}
            onClick={() => void download('pdf')}
          >
            {busy === 'pdf' ? 'Making the PDF…' : 'Download PDF'}
          </button>
        </div>
        <p className="save-status" role="status">
          {done}
        </p>
      </form>
      {findings && (
        <section className="notice evidence-check" aria-labelledby="evidence-check-heading">
          <h2 id="evidence-check-heading" ref={checkHeading} tabIndex={-1}>
            Check before exporting
          </h2>
          <p>
            These words look like personal data, and the file must not hold them unchecked. Change them on the case, or
            choose <strong>This is not personal</strong> there, then download again.
          </p>
          <ul>
            {findings.map((finding) => (
              <li key={`${finding.caseId} ${finding.place} ${findingKey(finding)}`}>
                <p>
                  <strong>
                    {finding.reference}, {PRIVACY_PLACE_LABELS[finding.place]}:
                  </strong>{' '}
                  {describeFinding(finding, finding.reference)}
                </p>
                <Link href={`/cases/${encodeURIComponent(finding.caseId)}`}>Open case {finding.reference}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </SignedInLayout>
  );
}
