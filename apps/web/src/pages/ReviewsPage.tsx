import '../actionPlan/plan.css';
import type { ReviewOverview } from '@consultboard/domain';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { formatDate, formatDateTime } from '../format';
import { useApiData } from '../useApiData';
import { usePageTitle } from '../usePageTitle';

/** "/reviews": the EP's (or admin's) list of plans due for review, requests for EP time and cases brought back. */
export default function ReviewsPage() {
  return (
    <SignedInPage action="review.overview">
      <Reviews />
    </SignedInPage>
  );
}

interface Listed {
  caseId: string;
  reference: string;
  schoolName: string;
  localityName: string;
}

function Reviews() {
  usePageTitle('Reviews');
  const loaded = useApiData<ReviewOverview>('/api/reviews');
  const overview = loaded.data;
  return (
    <SignedInLayout>
      <h1>Reviews</h1>
      <ErrorAlert message={loaded.error} />
      {!overview && !loaded.error && <p>Loading…</p>}
      {overview && (
        <>
          <ReviewList
            id="due"
            heading="Reviews due"
            empty="No plans are due for review in the next two weeks."
            items={overview.due}
            detail={(item) => `Review date ${formatDate(item.reviewDate)}`}
          />
          <ReviewList
            id="requests"
            heading="Requests for further EP involvement"
            empty="No requests."
            items={overview.requests}
            detail={(item) => (
              <>
                Reviewed {formatDateTime(item.reviewedAt)}
                {item.note && <span className="review-note">: {item.note}</span>}
              </>
            )}
          />
          <ReviewList
            id="brought-back"
            heading="Brought back to the group"
            empty="No cases brought back."
            items={overview.broughtBack}
            detail={(item) =>
              item.offeredSessionId ? (
                <Link href={`/sessions/${encodeURIComponent(item.offeredSessionId)}`}>
                  Offered for the next session
                </Link>
              ) : (
                'No session planned yet for this locality'
              )
            }
          />
        </>
      )}
    </SignedInLayout>
  );
}

function ReviewList<T extends Listed>({
  id,
  heading,
  empty,
  items,
  detail,
}: {
  id: string;
  heading: string;
  empty: string;
  items: T[];
  detail: (item: T) => ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="review-list">
          {items.map((item) => (
            <li key={item.caseId}>
              <Link href={`/cases/${encodeURIComponent(item.caseId)}`}>Case {item.reference}</Link>
              <span className="muted">
                {' '}
                {item.schoolName}, {item.localityName}
              </span>
              <br />
              {detail(item)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
