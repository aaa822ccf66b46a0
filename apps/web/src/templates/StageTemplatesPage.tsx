import type { LocalityView } from '@consultboard/domain';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { ShowMore } from '../components/ShowMore';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { usePagedList } from '../usePagedList';
import { usePageTitle } from '../usePageTitle';

/** "/templates": the localities whose stage template this account adjusts (the admin's all, an EP's own). */
export default function StageTemplatesPage() {
  return (
    <SignedInPage action="template.edit">
      <StageTemplates />
    </SignedInPage>
  );
}

function StageTemplates() {
  usePageTitle('Stage templates');
  const localities = usePagedList<LocalityView>('/api/localities', 'localities');
  const list = localities.items ?? [];
  return (
    <SignedInLayout>
      <h1>Stage templates</h1>
      <p>Each locality's sessions run through its stage template. Choose a locality to adjust its stages.</p>
      <ErrorAlert message={localities.error} />
      {localities.items && list.length === 0 && <p>No localities yet.</p>}
      <ul className="plain-list">
        {list.map((locality) => (
          <li key={locality.id}>
            <Link href={`/localities/${encodeURIComponent(locality.id)}/template`}>
              Stage template: {locality.name}
            </Link>
          </li>
        ))}
      </ul>
      <ShowMore list={localities} />
    </SignedInLayout>
  );
}
