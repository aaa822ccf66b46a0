import {
  type Action,
  allowedOnCase,
  CASE_TYPE_LABELS,
  type CaseView,
  describeChildReference,
  needsParentalConsent,
} from '@consultboard/domain';
import { caseTargetOf } from '../access';
import { CasePlanSection } from '../cases/CasePlanSection';
import { ConsentSection } from '../cases/ConsentSection';
import { consentStatus } from '../cases/caseStatus';
import { DeleteCase } from '../cases/DeleteCase';
import { EditReference } from '../cases/EditReference';
import { PreparationForm } from '../cases/PreparationForm';
import { SubmitSection } from '../cases/SubmitSection';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { PreparationView } from '../components/PreparationView';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { useActor } from '../components/UserContext';
import { JoinMeetingSection } from '../presenting/JoinMeetingSection';
import { CasePrivacyProvider } from '../privacy/PrivacyContext';
import { ToCheckNotice } from '../privacy/ToCheckNotice';
import { useApiData } from '../useApiData';
import { usePageTitle } from '../usePageTitle';

/** "/cases/:id": the SENCO prepares their case; an EP (or admin) reads it. */
export default function CasePage({ id }: { id: string }) {
  return (
    <SignedInPage>
      <CaseDetails id={id} />
    </SignedInPage>
  );
}

function CaseDetails({ id }: { id: string }) {
  const actor = useActor();
  const loaded = useApiData<{ case: CaseView }>(`/api/cases/${encodeURIComponent(id)}`);
  const found = loaded.data?.case;
  usePageTitle(found ? `Case ${found.reference}` : 'Case');
  const update = (changed: CaseView) => loaded.setData({ case: changed });

  if (!found) {
    return (
      <SignedInLayout>
        <h1>Case</h1>
        <ErrorAlert message={loaded.error} />
        {!loaded.error && <p>Loading…</p>}
        <p>
          <Link href="/cases">Back to cases</Link>
        </p>
      </SignedInLayout>
    );
  }

  const target = caseTargetOf(found);
  const may = (action: Action) => allowedOnCase(actor, action, target);
  return (
    <SignedInLayout>
      <CasePrivacyProvider caseId={found.id} reference={found.reference} target={target} stamp={found.updatedAt}>
        <p className="breadcrumb">
          <Link href="/cases">Cases</Link>
        </p>
        <div className="title-row">
          <h1 id="case-heading">Case {found.reference}</h1>
          {may('case.update') && <EditReference found={found} onChange={update} />}
        </div>
        <ToCheckNotice editable={may('case.update')} />
        <dl className="facts">
          <div>
            <dt>Type</dt>
            <dd>{CASE_TYPE_LABELS[found.type]}</dd>
          </div>
          {found.type === 'child' && (
            <div>
              <dt>Reference</dt>
              <dd>{describeChildReference(found.reference)}</dd>
            </div>
          )}
          <div>
            <dt>Consent</dt>
            <dd>{consentStatus(found)}</dd>
          </div>
        </dl>
        {may('meeting.present') && found.submittedSessionId && <JoinMeetingSection found={found} />}
        {/* Once the case has been to a meeting its plan is what matters; before then there is none. */}
        <CasePlanSection
          key={`plan-${found.id}`}
          caseId={found.id}
          sessionId={found.submittedSessionId}
          target={target}
        />
        {needsParentalConsent(found.type) && may('case.consent') && <ConsentSection found={found} onChange={update} />}
        {may('case.update') ? (
          <PreparationForm key={`preparation-${found.id}`} found={found} onSaved={update} />
        ) : (
          <>
            <h2>Consultation preparation form</h2>
            <PreparationView preparation={found.preparation} level={3} />
          </>
        )}
        {may('case.submit') && <SubmitSection found={found} onChange={update} />}
        {may('case.delete') && <DeleteCase found={found} />}
      </CasePrivacyProvider>
    </SignedInLayout>
  );
}
